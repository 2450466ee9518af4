-- observation: readings from nurses, patients and carers, and devices. One row per parameter reading, so a complete
-- set can be assembled from parameters recorded close together by different sources.
create table observation_reading (
    id              uuid primary key,
    patient_id      uuid         not null,
    source          varchar(20)  not null check (source in ('NURSE', 'PATIENT_OR_CARER', 'DEVICE')),
    client_id       varchar(100),
    device_id       varchar(100),
    parameter       varchar(40)  not null,
    numeric_value   double precision,
    code_value      varchar(40),
    recorded_at     timestamptz  not null,
    received_at     timestamptz  not null,
    received_by     varchar(80)  not null,
    check ((numeric_value is null) <> (code_value is null))
);
-- a retried reading (same submitter, same client id) is stored once
create unique index observation_reading_client_id on observation_reading (received_by, client_id) where client_id is not null;
create index observation_reading_patient_time on observation_reading (patient_id, recorded_at desc);
