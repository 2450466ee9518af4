-- Medicines (issue 13), part 4: each dose charted at a set time is given or not given at the visit, once. A dose is
-- named by its prescription, day and time (dose_key); a record is never changed or deleted (a wrong entry is a
-- clinical incident and a note, not an edit). The late-dose check remembers which doses it has already raised a task
-- and an alert for, so neither is raised twice, on however many app nodes.
create table medicine_administration (
    id                  uuid primary key,
    dose_key            varchar(120)   not null unique,
    prescription_id     uuid           not null references prescription (id),
    patient_id          uuid           not null references patient (id),
    due_at              timestamptz    not null,
    outcome             varchar(20)    not null check (outcome in ('GIVEN', 'NOT_GIVEN')),
    not_given_reason    varchar(40),
    note                varchar(500),
    given_at            timestamptz,
    dose                numeric(12, 4),
    dose_unit           varchar(20),
    route               varchar(30),
    site                varchar(100),
    batch               varchar(60),
    expiry              date,
    bag_item_id         uuid,
    bag_label           varchar(200),
    second_checker      varchar(80),
    second_checker_name varchar(200),
    second_check_how    varchar(20)    check (second_check_how in ('IN_PERSON', 'VIDEO_CALL')),
    recorded_by         varchar(80)    not null,
    recorded_by_name    varchar(200)   not null,
    recorded_by_role    varchar(40)    not null,
    recorded_by_organisation varchar(200) not null,
    recorded_at         timestamptz    not null,
    check ((outcome = 'GIVEN') = (given_at is not null)),
    check (outcome = 'GIVEN' or not_given_reason is not null),
    check (outcome = 'NOT_GIVEN' or (dose is not null and dose > 0 and route is not null)),
    check ((second_checker is null) = (second_check_how is null))
);
create index medicine_administration_patient_idx on medicine_administration (patient_id, due_at);
create trigger medicine_administration_append_only before update or delete on medicine_administration
    for each row execute function medication_is_append_only();

create table dose_follow_up (
    dose_key        varchar(120) primary key,
    patient_id      uuid         not null references patient (id),
    due_at          timestamptz  not null,
    late_at         timestamptz,
    missed_at       timestamptz
);

-- a late dose is a task of its own origin; a time-critical dose missed past its limit an alert of its own kind
alter table task drop constraint task_origin_check;
alter table task add constraint task_origin_check
    check (origin in ('BY_HAND', 'BOARD_ROUND', 'ALERT', 'RESULT', 'PRESCRIPTION', 'RECONCILIATION', 'MEDICINE_DOSE'));
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check
    check (kind in ('EARLY_WARNING', 'MISSED_READING', 'CONCERN_RAISED', 'CRITICAL_RESULT', 'MISSED_DOSE'));
