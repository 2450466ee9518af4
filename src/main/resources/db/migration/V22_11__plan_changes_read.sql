-- Issue 11: a staff member marks the changes to their visits as read, per organisation's day. The version they read
-- is kept, so the changes they are shown next are those since that version (a later real change shows again), on
-- any device they sign in on.
create table plan_changes_read (
    user_id         uuid          not null references app_user (id),
    organisation_id uuid          not null,
    plan_date       date          not null,
    plan_version    integer       not null,
    read_at         timestamptz   not null,
    primary key (user_id, organisation_id, plan_date)
);
