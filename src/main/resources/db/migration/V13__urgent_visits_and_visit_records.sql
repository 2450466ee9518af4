-- visit: an urgent home visit asked for during the day (after an alert, say): one visit, today, within a window that
-- starts when it was asked for. It joins the day's requirements and the day is re-planned around it.
create table urgent_visit (
    id                uuid primary key,
    patient_id        uuid          not null,
    plan_date         date          not null,
    kind              varchar(40)   not null,
    description       varchar(300),
    duration_minutes  integer       not null check (duration_minutes between 5 and 240),
    skill             varchar(40)   not null,
    earliest_start    timestamptz   not null,
    latest_start      timestamptz   not null,
    reason            varchar(300)  not null,
    alert_id          uuid,
    requested_by      varchar(80)   not null,
    requested_at      timestamptz   not null,
    check (latest_start > earliest_start)
);
create index urgent_visit_day on urgent_visit (plan_date);

-- visit: what happened at a visit of a day plan, recorded by the member of staff who made it: when they arrived and
-- left, what they gave, and the outcome. One record per planned visit (the second member of staff on a two-staff
-- visit keeps their own). Contact minutes are derived from arrival and departure, never typed.
create table visit_record (
    plan_date         date          not null,
    visit_id          varchar(250)  not null,
    patient_id        uuid          not null,
    shift_id          uuid          not null,
    staff_name        varchar(200)  not null,
    arrived_at        timestamptz   not null,
    departed_at       timestamptz,
    outcome           varchar(40),
    given             varchar(1000),
    notes             varchar(2000),
    recorded_by       varchar(80)   not null,
    updated_at        timestamptz   not null,
    primary key (plan_date, visit_id),
    check (departed_at is null or departed_at >= arrived_at),
    check ((departed_at is null) = (outcome is null))
);
create index visit_record_patient on visit_record (patient_id, arrived_at);

-- visit: what a re-plan changed, per visit, so each member of staff can be shown what is new, moved to or from them,
-- or retimed; kept with the plan version that made the change.
create table day_plan_change (
    plan_id           uuid          not null references day_plan (id),
    visit_id          varchar(250)  not null,
    kind              varchar(20)   not null,
    shift_before      uuid,
    shift_after       uuid,
    staff_before      varchar(200),
    staff_after       varchar(200),
    start_before      timestamptz,
    start_after       timestamptz,
    primary key (plan_id, visit_id)
);

-- visit: a day plan belongs to one organisation's visiting team. Each organisation plans its own staff's shifts for
-- the patients in its care; before this a plan was one per day for everyone, and a coordinator who could not see
-- another provider's patients would have planned them out of the day.
alter table staff_shift add column organisation_id uuid;
update staff_shift s set organisation_id = u.organisation_id from app_user u where u.id = s.user_id;
alter table staff_shift alter column organisation_id set not null;
create index staff_shift_organisation_start on staff_shift (organisation_id, starts_at);

alter table day_plan add column organisation_id uuid;
update day_plan p set organisation_id = u.organisation_id from app_user u where u.username = p.made_by;
delete from planned_visit where plan_id in (select id from day_plan where organisation_id is null);
delete from day_plan where organisation_id is null;
alter table day_plan alter column organisation_id set not null;
alter table day_plan drop constraint day_plan_plan_date_version_key;
alter table day_plan add constraint day_plan_organisation_date_version unique (organisation_id, plan_date, version);
