-- escalation: alerts for missed readings as well as scores; tiers an unacknowledged alert climbs; monitoring schedule.
alter table alert add column kind varchar(20) not null default 'EARLY_WARNING'
    check (kind in ('EARLY_WARNING', 'MISSED_READING'));
alter table alert alter column score_name drop not null;
alter table alert alter column score_total drop not null;
alter table alert add column respond_within_minutes integer not null default 60 check (respond_within_minutes > 0);
alter table alert add column tier varchar(30) not null default 'WARD_TEAM'
    check (tier in ('WARD_TEAM', 'NURSE_IN_CHARGE', 'ON_CALL_SENIOR', 'OUT_OF_HOURS_CONTACT'));
alter table alert add column escalated_at timestamptz;
alter table alert add constraint alert_score_for_early_warning
    check (kind = 'MISSED_READING' or (score_name is not null and score_total is not null));
create index alert_unacknowledged_due on alert (respond_by) where status = 'RAISED';

-- when each patient's next set of observations is due, from the monitoring frequency their last score calls for
create table monitoring_schedule (
    patient_id   uuid primary key,
    last_set_at  timestamptz  not null,
    next_due_at  timestamptz  not null,
    interval_minutes integer  not null check (interval_minutes > 0),
    basis        varchar(200) not null
);
create index monitoring_schedule_due on monitoring_schedule (next_due_at);
