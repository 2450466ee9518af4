-- Issue 13: medicines reconciliation within 24 hours of admission (NICE NG5 1.3, QS120). One reconciliation per
-- admission, and a new version when the patient's medicines change (a new discharge letter, a transfer, a new supply):
-- each version has its own 24-hour clock and pharmacist's task; earlier versions are kept as history. The medicines
-- listed from each source, the decisions on them and the notes resolving discrepancies are append-only rows: a later
-- decision on a medicine supersedes the earlier one, which is kept.
create table medicines_reconciliation (
    id                    uuid          primary key,
    patient_id            uuid          not null references patient (id),
    admission_id          uuid          not null,
    version               integer       not null check (version > 0),
    status                varchar(30)   not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'VERIFIED',
                                                                   'NOT_COMPLETED', 'SUPERSEDED')),
    clock_started_at      timestamptz   not null,
    due_at                timestamptz   not null,
    asked_for_reason      varchar(30),
    asked_for_detail      varchar(500),
    asked_for_by          varchar(300),
    task_id               uuid,
    task_created_by       varchar(80),
    created_at            timestamptz   not null,
    verified_at           timestamptz,
    verified_by           varchar(300),
    verified_by_username  varchar(80),
    closed_at             timestamptz,
    closed_reason         varchar(500),
    unique (patient_id, admission_id, version),
    check ((status = 'VERIFIED') = (verified_at is not null))
);

create index medicines_reconciliation_latest on medicines_reconciliation (patient_id, created_at desc);

create table medicines_reconciliation_source (
    reconciliation_id  uuid          not null references medicines_reconciliation (id),
    patient_id         uuid          not null,
    source             varchar(30)   not null,
    detail             varchar(300),
    recorded_by        varchar(300)  not null,
    recorded_at        timestamptz   not null,
    primary key (reconciliation_id, source)
);

create table medicines_reconciliation_entry (
    id                   uuid          primary key,
    reconciliation_id    uuid          not null references medicines_reconciliation (id),
    patient_id           uuid          not null,
    source               varchar(30)   not null,
    medicine             varchar(200)  not null,
    medicine_key         varchar(200)  not null,
    dose                 varchar(100)  not null,
    route                varchar(100)  not null,
    frequency            varchar(100)  not null,
    note                 varchar(500),
    recorded_by          varchar(300)  not null,
    recorded_by_username varchar(80)   not null,
    recorded_at          timestamptz   not null
);

create index medicines_reconciliation_entry_of on medicines_reconciliation_entry (reconciliation_id, recorded_at);

create table medicines_reconciliation_decision (
    id                   uuid          primary key,
    reconciliation_id    uuid          not null references medicines_reconciliation (id),
    patient_id           uuid          not null,
    medicine_key         varchar(200)  not null,
    decision             varchar(20)   not null check (decision in ('CONTINUED', 'STOPPED', 'CHANGED', 'WITHHELD')),
    reason               varchar(500),
    new_dose             varchar(100),
    new_frequency        varchar(100),
    decided_by           varchar(300)  not null,
    decided_by_username  varchar(80)   not null,
    decided_at           timestamptz   not null,
    check (decision = 'CONTINUED' or reason is not null),
    check (decision <> 'CHANGED' or (new_dose is not null and new_frequency is not null))
);

create index medicines_reconciliation_decision_of on medicines_reconciliation_decision (reconciliation_id, decided_at);

create table medicines_reconciliation_resolution (
    reconciliation_id    uuid          not null references medicines_reconciliation (id),
    patient_id           uuid          not null,
    discrepancy_key      varchar(1000) not null,
    note                 varchar(500)  not null,
    resolved_by          varchar(300)  not null,
    resolved_by_username varchar(80)   not null,
    resolved_at          timestamptz   not null,
    primary key (reconciliation_id, discrepancy_key)
);

-- the pharmacist's reconciliation task on the worklist: a task of its own origin
alter table task drop constraint task_origin_check;
alter table task add constraint task_origin_check
    check (origin in ('BY_HAND', 'BOARD_ROUND', 'ALERT', 'RESULT', 'PRESCRIPTION', 'RECONCILIATION'));
