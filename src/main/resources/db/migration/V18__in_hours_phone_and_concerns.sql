-- ward: the number patients and carers call in operating hours (until now only the out-of-hours one was kept).
-- Existing wards are backfilled with their out-of-hours number: a number known to reach someone on the ward's
-- rota, never a placeholder that rings nobody; an administrator changes it to the team's own day number.
alter table virtual_ward add column in_hours_phone varchar(30);
update virtual_ward set in_hours_phone = out_of_hours_phone where in_hours_phone is null;
alter table virtual_ward alter column in_hours_phone set not null;

-- escalation: "I am worried" from a patient or carer (Martha's rule) raises a concern alert, which has no score
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check
    check (kind in ('EARLY_WARNING', 'MISSED_READING', 'CONCERN_RAISED'));
alter table alert drop constraint alert_score_for_early_warning;
alter table alert add constraint alert_score_for_early_warning
    check (kind <> 'EARLY_WARNING' or (score_name is not null and score_total is not null));

-- each concern in the patient's or carer's own words, kept whatever later happens to the alert it raised
create table patient_concern (
    id          uuid primary key,
    patient_id  uuid          not null,
    alert_id    uuid          not null references alert (id),
    words       varchar(1000) not null,
    raised_at   timestamptz   not null
);
create index patient_concern_by_patient on patient_concern (patient_id, raised_at);
