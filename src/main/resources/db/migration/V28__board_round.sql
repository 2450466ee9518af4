-- boardround: the consultant-led daily board round (KLoE 5.1, 10.1; SAFER; Red2Green). A round is led by a senior
-- decision-maker for one ward or the whole service, with its MDT attendees; each patient gets a review (red or green
-- day and a decision). A second review of a patient on the same day is a new version; the newest counts.
create table board_round (
    id              uuid primary key,
    ward_id         uuid references virtual_ward (id),
    round_date      date          not null,
    lead_user_id    uuid          not null references app_user (id),
    lead_name       varchar(200)  not null,
    started_by      varchar(80)   not null,
    started_at      timestamptz   not null
);
create index board_round_date on board_round (round_date);

create table board_round_attendee (
    round_id        uuid          not null references board_round (id),
    position        integer       not null,
    user_id         uuid references app_user (id),
    name            varchar(200)  not null,
    role            varchar(200)  not null,
    primary key (round_id, position)
);

create table board_round_review (
    id              uuid primary key,
    round_id        uuid          not null references board_round (id),
    patient_id      uuid          not null,
    admission_id    uuid          not null,
    review_date     date          not null,
    version         integer       not null,
    day_colour      varchar(10)   not null check (day_colour in ('RED', 'GREEN')),
    waiting_for     varchar(500),
    decision        varchar(40)   not null,
    revised_edd     date,
    note            varchar(2000),
    reviewed_by     varchar(80)   not null,
    reviewed_by_name varchar(200) not null,
    reviewed_at     timestamptz   not null,
    unique (patient_id, review_date, version),
    check (day_colour = 'GREEN' or waiting_for is not null),
    check (decision <> 'REVISE_EDD' or revised_edd is not null)
);
create index board_round_review_date on board_round_review (review_date, patient_id, version desc);
create index board_round_review_round on board_round_review (round_id);

-- an action agreed at a review; the task module turns it into a task and records the task's id
create table board_round_action (
    id              uuid primary key,
    review_id       uuid          not null references board_round_review (id),
    round_id        uuid          not null references board_round (id),
    patient_id      uuid          not null,
    text            varchar(500)  not null,
    assigned_role   varchar(40)   not null,
    due_date        date          not null,
    priority        varchar(20)   not null,
    task_id         uuid,
    agreed_by       varchar(80)   not null,
    agreed_at       timestamptz   not null
);
create index board_round_action_review on board_round_action (review_id);

-- each patient's latest early-warning score and the one before it, kept from the observation module's
-- ObservationsScored events so the board reads every patient's score and trend in one query
create table board_round_score (
    patient_id      uuid primary key,
    score_name      varchar(10)   not null,
    latest_total    integer       not null,
    latest_at       timestamptz   not null,
    previous_total  integer
);
