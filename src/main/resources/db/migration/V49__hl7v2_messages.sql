-- HL7 v2 ADT over MLLP (hl7v2 module). Every inbound message is kept, raw, with what became of it: stored in the
-- same transaction as its effects when it is applied (so AA is only sent for what is committed), or on its own in a
-- new transaction when it is refused (AE / AR), or as a DUPLICATE when its MSH-10 was already applied for that sender.
create table hl7_message (
    id                   uuid         primary key,
    received_at          timestamptz  not null,
    sending_application  varchar(200) not null default '',
    sending_facility     varchar(200) not null default '',
    control_id           varchar(200) not null default '',
    message_type         varchar(10)  not null default '',
    trigger_event        varchar(10)  not null default '',
    version              varchar(20)  not null default '',
    raw                  text         not null,
    outcome              varchar(20)  not null check (outcome in ('APPLIED', 'ERROR', 'REJECTED', 'DUPLICATE')),
    error                varchar(2000),
    -- where in the message the error is, as HL7 ERR-2 has it (e.g. PID^1^3)
    error_location       varchar(100),
    nhs_number           varchar(10),
    -- the trust's own number for the patient (PID-3 of type MR or PI): the patient record has no place for it
    local_number         varchar(100),
    patient_id           uuid         references patient (id),
    acted_as             varchar(100),
    -- the organisation of the integration engine's account: its administrators search these messages
    organisation_id      uuid         references organisation (id),
    what_was_done        varchar(2000),
    ack_code             varchar(2),
    ack                  text
);
-- a control id is applied at most once per sender; refused messages may be sent again with the same control id
create unique index hl7_message_applied_once on hl7_message (sending_application, sending_facility, control_id)
    where outcome = 'APPLIED';
create index hl7_message_control_id on hl7_message (control_id);
create index hl7_message_nhs_number on hl7_message (nhs_number);
create index hl7_message_received_at on hl7_message (organisation_id, received_at desc);

-- referral module: a step-down referral's inpatient stay as the acute hospital reports it (ADT A01, A02, A03, A11,
-- A13 through the hl7v2 module), oldest first; append-only, a cancellation is a later event
create table referral_inpatient_event (
    id            bigserial    primary key,
    referral_id   uuid         not null references referral (id),
    kind          varchar(30)  not null check (kind in ('ADMITTED', 'TRANSFERRED', 'DISCHARGED', 'ADMISSION_CANCELLED',
                                                        'DISCHARGE_CANCELLED')),
    occurred_at   timestamptz  not null,
    ward          varchar(200),
    source        varchar(300) not null,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(300) not null
);
create index referral_inpatient_event_referral on referral_inpatient_event (referral_id, recorded_at);

-- outbound ADT to the acute trust (hl7v2 module): A01 when a patient is admitted to a virtual ward, A03 when they are
-- discharged, queued in the admission's or discharge's own transaction and sent by a scheduled sender over MLLP, again
-- with a growing wait until the trust answers AA; a patient's messages go in the order they were made
create table hl7_outbound (
    id               uuid         primary key,
    created_at       timestamptz  not null,
    control_id       varchar(40)  not null unique,
    trigger_event    varchar(10)  not null,
    patient_id       uuid         not null references patient (id),
    admission_id     uuid,
    nhs_number       varchar(10)  not null,
    organisation_id  uuid         references organisation (id),
    message          text         not null,
    status           varchar(10)  not null check (status in ('PENDING', 'SENT')),
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    last_attempt_at  timestamptz,
    last_error       varchar(2000),
    acknowledged_at  timestamptz,
    ack              text
);
create index hl7_outbound_due on hl7_outbound (next_attempt_at) where status = 'PENDING';
create index hl7_outbound_patient on hl7_outbound (patient_id, created_at);
