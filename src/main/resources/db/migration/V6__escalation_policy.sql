-- escalation: a ward's NEWS2 alert threshold, and a senior clinician's tighter threshold for one patient, with a
-- reason. Overrides are never deleted: an ended override keeps who ended it and when, as the audit trail.
create table ward_escalation_policy (
    ward_id                 uuid primary key,
    news2_alert_from_total  integer      not null check (news2_alert_from_total between 1 and 5),
    reason                  varchar(500) not null,
    set_by                  varchar(80)  not null,
    set_at                  timestamptz  not null
);

create table patient_escalation_override (
    id                      uuid primary key,
    patient_id              uuid         not null,
    news2_alert_from_total  integer      not null check (news2_alert_from_total between 1 and 5),
    reason                  varchar(500) not null,
    set_by                  varchar(80)  not null,
    set_at                  timestamptz  not null,
    ended_by                varchar(80),
    ended_at                timestamptz,
    check ((ended_at is null) = (ended_by is null))
);
create unique index patient_escalation_override_active on patient_escalation_override (patient_id) where ended_at is null;
