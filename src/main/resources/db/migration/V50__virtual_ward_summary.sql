-- The virtual-ward summary (NHS England's draft "Supplementary RM Data"): queued in the discharge's own transaction,
-- then made (a collection Bundle with a PDF DocumentReference), validated and kept by the fhir module's publisher.
create table virtual_ward_summary (
    admission_id     uuid         primary key references admission (id),
    document_id      uuid         not null unique,
    patient_id       uuid         not null references patient (id),
    discharged_by    varchar(100) not null,
    queued_at        timestamptz  not null,
    status           varchar(10)  not null check (status in ('PENDING', 'PUBLISHED')),
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(2000),
    published_at     timestamptz,
    bundle           text,
    pdf              bytea,
    check (status = 'PENDING' or (bundle is not null and pdf is not null and published_at is not null))
);
create index virtual_ward_summary_due on virtual_ward_summary (next_attempt_at) where status = 'PENDING';
create index virtual_ward_summary_patient on virtual_ward_summary (patient_id);
