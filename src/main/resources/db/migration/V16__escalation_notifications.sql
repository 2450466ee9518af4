-- Escalation that reaches people: who is on call (rota), how to reach them (notification contacts), every message
-- sent (notification), and a tier above the top: the patient's accountable consultant.

-- rota: who is on call for a ward's escalation tier, from when to when
create table on_call (
    id               uuid primary key,
    organisation_id  uuid         not null references organisation (id),
    ward_id          uuid         not null references virtual_ward (id),
    tier             varchar(30)  not null check (tier in ('WARD_TEAM', 'NURSE_IN_CHARGE', 'ON_CALL_SENIOR',
                         'OUT_OF_HOURS_CONTACT')),
    user_id          uuid         not null references app_user (id),
    starts_at        timestamptz  not null,
    ends_at          timestamptz  not null,
    added_by         varchar(80)  not null,
    added_at         timestamptz  not null,
    check (ends_at > starts_at)
);
create index on_call_by_ward_tier on on_call (ward_id, tier, starts_at, ends_at);
create index on_call_by_time on on_call (ends_at, starts_at);

-- notification: how each person can be reached outside the app
create table notification_contact (
    user_id       uuid primary key references app_user (id),
    email         varchar(254),
    mobile_phone  varchar(20)
);

-- notification: every message to a person, on one channel, with its delivery record
create table notification (
    id               uuid primary key,
    recipient_id     uuid          not null references app_user (id),
    recipient_name   varchar(200)  not null,
    channel          varchar(10)   not null check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    address          varchar(254),
    alert_id         uuid,
    subject          varchar(200)  not null,
    body             varchar(2000) not null,
    link             varchar(300),
    status           varchar(10)   not null check (status in ('PENDING', 'SENT', 'DELIVERED', 'FAILED')),
    attempts         integer       not null default 0,
    last_error       varchar(500),
    created_at       timestamptz   not null,
    next_attempt_at  timestamptz,
    sent_at          timestamptz,
    failed_at        timestamptz,
    read_at          timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_recipient on notification (recipient_id, created_at desc);
create index notification_by_alert on notification (alert_id);

-- escalation: above the top tier is the patient's accountable consultant
alter table alert drop constraint alert_tier_check;
alter table alert add constraint alert_tier_check
    check (tier in ('WARD_TEAM', 'NURSE_IN_CHARGE', 'ON_CALL_SENIOR', 'OUT_OF_HOURS_CONTACT', 'ACCOUNTABLE_CONSULTANT'));

-- acknowledged alerts have a response clock: the schedule looks for both kinds past their deadline
create index alert_awaiting_action_due on alert (respond_by) where status in ('RAISED', 'ACKNOWLEDGED');
