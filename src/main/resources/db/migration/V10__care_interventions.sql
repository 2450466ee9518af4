-- visit: interventions on a patient's plan that generate home visits. Due at fixed times of day (each +- a tolerance)
-- or once a day within a window; optionally followed by a second visit within a minimum and maximum gap. Ended
-- interventions are kept, with who ended them and when.
create table care_intervention (
    id                      uuid primary key,
    patient_id              uuid         not null,
    kind                    varchar(40)  not null,
    description             varchar(300),
    duration_minutes        integer      not null check (duration_minutes between 5 and 240),
    skill                   varchar(40)  not null,
    staff_needed            integer      not null check (staff_needed in (1, 2)),
    times_of_day            varchar(200),
    tolerance_minutes       integer      check (tolerance_minutes between 0 and 180),
    window_from             time,
    window_to               time,
    follow_up_kind          varchar(40),
    follow_up_minutes       integer,
    follow_up_min_gap_minutes integer,
    follow_up_max_gap_minutes integer,
    starts_on               date         not null,
    ends_on                 date,
    added_by                varchar(80)  not null,
    added_at                timestamptz  not null,
    ended_by                varchar(80),
    ended_at                timestamptz,
    check ((times_of_day is null) <> (window_from is null)),
    check ((window_from is null) = (window_to is null)),
    check (window_from is null or window_to > window_from),
    check ((follow_up_kind is null) = (follow_up_min_gap_minutes is null)),
    check (follow_up_max_gap_minutes is null or follow_up_max_gap_minutes >= follow_up_min_gap_minutes),
    check (ends_on is null or ends_on >= starts_on),
    check ((ended_at is null) = (ended_by is null))
);
create index care_intervention_patient on care_intervention (patient_id);
create index care_intervention_active on care_intervention (starts_on, ends_on);
