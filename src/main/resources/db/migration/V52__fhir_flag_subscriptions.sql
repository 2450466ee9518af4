-- Systems an organisation registers to receive its patients' alerts as FHIR Flags (rest-hook, body signed with HMAC),
-- and each delivery: queued in the alert's own transaction, sent by a one-node job, retried with a growing wait.
create table fhir_subscription (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    endpoint         varchar(500)  not null,
    secret           varchar(200)  not null,
    active           boolean       not null default true,
    created_at       timestamptz   not null,
    created_by       varchar(100)  not null
);
create table fhir_flag_delivery (
    id               uuid          primary key,
    subscription_id  uuid          not null references fhir_subscription (id),
    alert_id         uuid          not null,
    patient_id       uuid          not null references patient (id),
    alert_status     varchar(20)   not null,
    body             text          not null,
    created_at       timestamptz   not null,
    status           varchar(10)   not null check (status in ('PENDING', 'DELIVERED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null,
    last_attempt_at  timestamptz,
    last_error       varchar(2000),
    delivered_at     timestamptz
);
create index fhir_flag_delivery_due on fhir_flag_delivery (next_attempt_at) where status = 'PENDING';
create index fhir_flag_delivery_subscription on fhir_flag_delivery (subscription_id, created_at);
