-- Issue 12: the personalised care and support plan and advance care plan (ReSPECT, DNACPR, preferred places, last
-- weeks of life). Every change is a new version: the newest row is the plan as it stands, the older rows are its
-- history (who, when, which organisation, what changed from what to what). A change names the version it was made
-- from; the primary key refuses a second change made from the same version, so neither overwrites the other.
create table care_support_plan_version (
    patient_id        uuid         not null references patient (id),
    version           integer      not null check (version > 0),
    support_plan      jsonb        not null,
    advance_care_plan jsonb        not null,
    section           varchar(20)  not null check (section in ('SUPPORT_PLAN', 'ADVANCE_CARE_PLAN')),
    changes           jsonb        not null,
    changed_at        timestamptz  not null,
    changed_by        varchar(80)  not null,
    changed_by_name   varchar(200) not null,
    organisation_name varchar(200) not null,
    primary key (patient_id, version)
);
