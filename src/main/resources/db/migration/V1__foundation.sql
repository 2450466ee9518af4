-- Homeward foundation schema: organisations and users (security), audit, patients, virtual wards,
-- referrals, admissions and discharges. Each module owns its tables; modules never read each other's.

-- security ------------------------------------------------------------------------------------------
create table organisation (
    id          uuid primary key,
    ods_code    varchar(12)  not null unique,
    name        varchar(200) not null,
    type        varchar(40)  not null check (type in ('ACUTE_TRUST', 'COMMUNITY_PROVIDER', 'GP_FEDERATION', 'ICB'))
);

create table app_user (
    id              uuid primary key,
    username        varchar(80)  not null unique,
    password_hash   varchar(100) not null,
    display_name    varchar(200) not null,
    job_title       varchar(200) not null,
    role            varchar(40)  not null check (role in ('REFERRER', 'CLINICIAN', 'SENIOR_DECISION_MAKER',
                        'PHARMACIST', 'COORDINATOR', 'COMMISSIONER', 'GOVERNANCE', 'ADMIN')),
    organisation_id uuid not null references organisation (id),
    enabled         boolean not null default true
);

-- audit: append-only ---------------------------------------------------------------------------------
create table audit_event (
    id                bigint generated always as identity primary key,
    occurred_at       timestamptz  not null,
    username          varchar(80)  not null,
    organisation_id   uuid,
    organisation_name varchar(200),
    role              varchar(40),
    action            varchar(20)  not null check (action in ('READ', 'CREATE', 'UPDATE', 'DENIED')),
    record_type       varchar(60)  not null,
    record_id         varchar(60),
    patient_id        uuid,
    detail            varchar(500)
);
create index audit_event_patient_idx on audit_event (patient_id, occurred_at desc);
create index audit_event_user_idx on audit_event (username, occurred_at desc);
create index audit_event_time_idx on audit_event (occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- patient --------------------------------------------------------------------------------------------
create table patient (
    id                 uuid primary key,
    nhs_number         char(10)     not null unique,
    given_name         varchar(100) not null,
    family_name        varchar(100) not null,
    date_of_birth      date         not null,
    sex                varchar(20)  not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    ethnic_category    varchar(2)   not null,
    address_line1      varchar(200) not null,
    address_line2      varchar(200),
    town               varchar(100) not null,
    postcode           varchar(8)   not null,
    latitude           double precision check (latitude between -90 and 90),
    longitude          double precision check (longitude between -180 and 180),
    phone              varchar(30),
    gp_practice_code   varchar(10)  not null,
    gp_practice_name   varchar(200) not null,
    created_at         timestamptz  not null,
    version            integer      not null default 0,
    check ((latitude is null) = (longitude is null))
);
create index patient_family_name_idx on patient (lower(family_name));

create table carer (
    id                        uuid primary key,
    patient_id                uuid not null references patient (id),
    name                      varchar(200) not null,
    relationship              varchar(100) not null,
    phone                     varchar(30)  not null,
    has_parental_responsibility boolean    not null,
    created_at                timestamptz  not null
);
create index carer_patient_idx on carer (patient_id);

-- organisations sharing this patient's care: their users may see the record
create table patient_care_team (
    patient_id      uuid not null references patient (id),
    organisation_id uuid not null,
    added_at        timestamptz not null,
    primary key (patient_id, organisation_id)
);

-- ward -----------------------------------------------------------------------------------------------
create table virtual_ward (
    id                      uuid primary key,
    name                    varchar(200) not null unique,
    pathways                varchar(200) not null,
    host_organisation_id    uuid         not null,
    bed_capacity            integer      not null check (bed_capacity > 0),
    opens_at                time         not null,
    closes_at               time         not null,
    out_of_hours_contact    varchar(200) not null,
    out_of_hours_phone      varchar(30)  not null,
    min_age_years           integer      not null check (min_age_years >= 0),
    max_age_years           integer      not null check (max_age_years <= 130),
    admission_criteria      text         not null,
    version                 integer      not null default 0,
    check (min_age_years <= max_age_years),
    -- KLoE 2.1: staffed at least 8am-8pm, 7 days a week
    check (opens_at <= time '08:00' and closes_at >= time '20:00')
);

-- referral (referrals, triage, admissions, discharges) ---------------------------------------------------
create table referral (
    id                      uuid primary key,
    patient_id              uuid         not null,
    ward_id                 uuid         not null,
    direction               varchar(20)  not null check (direction in ('STEP_UP', 'STEP_DOWN')),
    source                  varchar(40)  not null,
    reason                  text         not null,
    presenting_condition    varchar(300) not null,
    interventions           varchar(300) not null,
    urgency                 varchar(20)  not null,
    referrer_user_id        uuid         not null,
    referrer_name           varchar(200) not null,
    referrer_organisation_id uuid        not null,
    inpatient_ward          varchar(200),
    inpatient_consultant    varchar(200),
    re_referral_of          uuid references referral (id),
    status                  varchar(20)  not null check (status in ('AWAITING_TRIAGE', 'ACCEPTED', 'DECLINED', 'ADMITTED')),
    referred_at             timestamptz  not null,
    triaged_by_user_id      uuid,
    triaged_by_name         varchar(200),
    triaged_at              timestamptz,
    triage_reason           text,
    version                 integer      not null default 0,
    check (direction = 'STEP_UP' or (inpatient_ward is not null and inpatient_consultant is not null)),
    check ((status = 'AWAITING_TRIAGE') = (triaged_at is null))
);
create index referral_patient_idx on referral (patient_id);
create index referral_status_idx on referral (status, referred_at);
-- one referral per patient waiting for a decision at a time
create unique index referral_one_pending_per_patient on referral (patient_id) where status in ('AWAITING_TRIAGE', 'ACCEPTED');

create table admission (
    id                          uuid primary key,
    referral_id                 uuid         not null unique references referral (id),
    patient_id                  uuid         not null,
    ward_id                     uuid         not null,
    accountable_clinician_id    uuid         not null,
    accountable_clinician_name  varchar(200) not null,
    admitted_at                 timestamptz  not null,
    admission_date              date         not null,
    estimated_discharge_date    date         not null,
    consent_given_by            varchar(40)  not null,
    patient_has_capacity        boolean      not null,
    consenting_person_name      varchar(200) not null,
    consenting_person_role      varchar(200),
    shared_decision_record      text         not null,
    accountability_transferred_at timestamptz,
    admitted_by_user_id         uuid         not null,
    discharged_at               timestamptz,
    discharge_date              date,
    discharge_destination       varchar(40),
    discharge_destination_detail varchar(200),
    onward_referrals            text,
    discharge_summary           text,
    length_of_stay_days         integer,
    discharged_by_user_id       uuid,
    version                     integer      not null default 0,
    check (estimated_discharge_date >= admission_date),
    check ((discharged_at is null) = (discharge_date is null)),
    check (discharged_at is null or (discharge_destination is not null and discharge_summary is not null
                                     and length_of_stay_days is not null and discharge_date >= admission_date))
);
-- no second open admission for one patient
create unique index admission_one_open_per_patient on admission (patient_id) where discharged_at is null;
create index admission_ward_open_idx on admission (ward_id) where discharged_at is null;
create index admission_discharge_date_idx on admission (discharge_date);
