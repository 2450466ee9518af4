-- visit: a staff member's shift for visit planning: when (an out-of-hours shift may run past midnight), the skills they
-- bring, where they start and finish, their break and how many visits they can make. Cancelled shifts are kept.
create table staff_shift (
    id                 uuid primary key,
    user_id            uuid          not null,
    staff_name         varchar(200)  not null,
    starts_at          timestamptz   not null,
    ends_at            timestamptz   not null,
    skills             varchar(400)  not null,
    start_latitude     double precision not null check (start_latitude between -90 and 90),
    start_longitude    double precision not null check (start_longitude between -180 and 180),
    end_latitude       double precision not null check (end_latitude between -90 and 90),
    end_longitude      double precision not null check (end_longitude between -180 and 180),
    break_minutes      integer       not null check (break_minutes between 0 and 120),
    max_visits         integer       not null check (max_visits between 1 and 40),
    added_by           varchar(80)   not null,
    added_at           timestamptz   not null,
    cancelled_by       varchar(80),
    cancelled_at       timestamptz,
    check (ends_at > starts_at),
    check (ends_at <= starts_at + interval '14 hours')
);
create index staff_shift_start on staff_shift (starts_at);
