-- Issue 9, flow: the estimated discharge date is revised with a reason and a history; an EDD more than 14 days after
-- admission carries a reason; a referral past its triage target is noticed once.
alter table admission add column estimated_discharge_reason varchar(1000);

create table admission_edd_revision (
    id                  uuid          primary key,
    admission_id        uuid          not null references admission (id),
    previous_date       date          not null,
    revised_date        date          not null,
    reason              varchar(1000) not null,
    revised_by_user_id  uuid          not null,
    revised_by_name     varchar(200)  not null,
    revised_at          timestamptz   not null
);
create index admission_edd_revision_admission_idx on admission_edd_revision (admission_id, revised_at);

alter table referral add column triage_overdue_noticed_at timestamptz;
create index referral_awaiting_triage_idx on referral (referred_at) where status = 'AWAITING_TRIAGE';
