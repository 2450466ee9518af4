-- observation: personal links through which a patient or carer sends readings from home without an account.
-- Only a SHA-256 hash of the link's secret is stored.
create table home_link (
    token_hash   char(64)     primary key,
    patient_id   uuid         not null,
    created_by   varchar(80)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz
);
create index home_link_patient on home_link (patient_id);
