-- Care teams by rule (issue 9): the organisations that share a ward's care, the GP practices a GP organisation
-- covers, why each organisation is in a patient's care team, and time-limited "break glass" access.

-- security: the GP practices (ODS codes) a GP organisation covers; the patient's practice maps to it
create table gp_practice_coverage (
    practice_code   varchar(10) not null,
    organisation_id uuid        not null references organisation (id),
    primary key (practice_code, organisation_id)
);

-- ward: the organisations sharing the care of the ward's patients (the host is always one)
create table ward_care_organisation (
    ward_id         uuid        not null references virtual_ward (id),
    organisation_id uuid        not null,
    role            varchar(20) not null check (role in ('HOST', 'VISITING')),
    primary key (ward_id, organisation_id)
);
insert into ward_care_organisation (ward_id, organisation_id, role)
select id, host_organisation_id, 'HOST' from virtual_ward;

-- patient: why each organisation is in the care team, and who put it there
alter table patient_care_team add column basis varchar(30) not null default 'SHARED'
    check (basis in ('REGISTERED', 'SHARED', 'WARD_HOST', 'WARD_VISITING', 'GP_PRACTICE', 'ADDED'));
alter table patient_care_team add column reason varchar(500);
alter table patient_care_team add column added_by varchar(200);

create table break_glass (
    id                uuid primary key,
    patient_id        uuid         not null references patient (id),
    user_id           uuid         not null,
    username          varchar(80)  not null,
    display_name      varchar(200) not null,
    organisation_id   uuid         not null,
    organisation_name varchar(200) not null,
    relationship      varchar(40)  not null,
    reason            varchar(500) not null,
    opened_at         timestamptz  not null,
    expires_at        timestamptz  not null,
    check (expires_at > opened_at)
);
create index break_glass_user_patient_idx on break_glass (user_id, patient_id, expires_at desc);
create index break_glass_opened_idx on break_glass (opened_at desc);
