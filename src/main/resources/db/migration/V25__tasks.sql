-- Tasks: work handed to a person, a role within an organisation, or an organisation's team, with a priority and a
-- due time; done (who, when, outcome) or cancelled (who, when, why); an overdue urgent or high task is escalated
-- once (escalated_at). A task may be about one patient (patient_id) or none.
create table task (
    id                        uuid primary key,
    patient_id                uuid,
    title                     varchar(200)  not null,
    detail                    varchar(2000),
    assignee_username         varchar(80),
    assignee_role             varchar(40),
    assignee_organisation_id  uuid          not null references organisation (id),
    assignee_label            varchar(400)  not null,
    priority                  varchar(20)   not null check (priority in ('URGENT', 'HIGH', 'ROUTINE')),
    origin                    varchar(20)   not null check (origin in ('BY_HAND', 'BOARD_ROUND', 'ALERT', 'RESULT')),
    origin_id                 varchar(100),
    due_at                    timestamptz   not null,
    created_by                varchar(300)  not null,
    created_by_username       varchar(80)   not null,
    created_by_organisation_id uuid         not null,
    created_at                timestamptz   not null,
    status                    varchar(20)   not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    closed_by                 varchar(300),
    closed_by_username        varchar(80),
    closed_at                 timestamptz,
    outcome                   varchar(2000),
    escalated_at              timestamptz,
    check (assignee_username is null or assignee_role is null),
    check ((status = 'OPEN') = (closed_at is null)),
    check (status = 'OPEN' or (closed_by is not null and outcome is not null))
);

create index task_open_by_person on task (assignee_username) where status = 'OPEN';
create index task_open_by_organisation on task (assignee_organisation_id, due_at) where status = 'OPEN';
create index task_patient on task (patient_id, created_at);
create index task_to_escalate on task (due_at)
    where status = 'OPEN' and escalated_at is null and priority in ('URGENT', 'HIGH');
