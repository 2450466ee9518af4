-- visit: a day's plan of visits, made by the solver. Every (re-)plan is a new version; the newest is the current plan,
-- older versions stay as the record of what staff were told and when.
create table day_plan (
    id              uuid primary key,
    plan_date       date          not null,
    version         integer       not null,
    made_by         varchar(80)   not null,
    made_at         timestamptz   not null,
    reason          varchar(300)  not null,
    travel_model    varchar(200)  not null,
    score           varchar(100)  not null,
    feasible        boolean       not null,
    solve_millis    integer       not null,
    unique (plan_date, version)
);

create table planned_visit (
    plan_id         uuid          not null references day_plan (id),
    visit_id        varchar(250)  not null,
    requirement_id  varchar(250)  not null,
    patient_id      uuid          not null,
    kind            varchar(40)   not null,
    description     varchar(400),
    assisting       boolean       not null,
    shift_id        uuid,
    staff_name      varchar(200),
    route_position  integer,
    arrives_at      timestamptz,
    starts_at       timestamptz,
    ends_at         timestamptz,
    window_start    timestamptz   not null,
    window_end      timestamptz   not null,
    not_planned_why varchar(300),
    primary key (plan_id, visit_id),
    check ((shift_id is null) = (starts_at is null))
);
