-- escalation: alerts raised by early-warning scores, stored in the transaction of the readings that caused them.
create table alert (
    id                uuid primary key,
    patient_id        uuid         not null,
    ward_id           uuid,
    severity          varchar(20)  not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'EMERGENCY')),
    score_name        varchar(10)  not null check (score_name in ('NEWS2', 'PEWS')),
    score_total       integer      not null,
    partial_set       boolean      not null,
    reason            varchar(300) not null,
    observed_at       timestamptz  not null,
    raised_at         timestamptz  not null,
    respond_by        timestamptz  not null,
    status            varchar(20)  not null check (status in ('RAISED', 'ACKNOWLEDGED', 'RESPONDED', 'CLOSED')),
    acknowledged_by   varchar(80),
    acknowledged_at   timestamptz,
    response_action   varchar(30),
    response_note     varchar(2000),
    responded_by      varchar(80),
    responded_at      timestamptz,
    closed_by         varchar(80),
    closed_at         timestamptz,
    version           integer      not null default 0
);
-- one open alert per patient: a worse reading raises its severity instead of opening another
create unique index alert_one_open_per_patient on alert (patient_id) where status <> 'CLOSED';
create index alert_open_by_ward on alert (ward_id, respond_by) where status <> 'CLOSED';
