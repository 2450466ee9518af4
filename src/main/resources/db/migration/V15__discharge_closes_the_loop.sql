-- Discharge closes the loop; monitoring at home (issue 9, items 4 and 8).

-- observation: who revoked a home link and why (revoked_at exists since V5): re-issued, revoked by staff, discharged
alter table home_link add column revoked_by varchar(80);
alter table home_link add column revoked_reason varchar(300);
create index home_link_patient_active on home_link (patient_id) where revoked_at is null;

-- escalation: a schedule row made at admission, before the first set: any set that comes replaces it
alter table monitoring_schedule add column awaiting_first_set boolean not null default false;

-- escalation: a patient's quiet hours, set by a clinician with a reason: no set is expected between starts_at and
-- ends_at (local time, may span midnight), so no missed-reading alert fires; the next set is due at ends_at
create table quiet_hours (
    patient_id  uuid         primary key,
    starts_at   time         not null,
    ends_at     time         not null,
    reason      varchar(300) not null,
    set_by      varchar(80)  not null,
    set_at      timestamptz  not null,
    check (starts_at <> ends_at)
);
