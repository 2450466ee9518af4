-- Issue 13: the medicine changes of a stay in the discharge summary, for the GP and the community pharmacy (NHS
-- England Discharge Medicines Service, NHS Community Pharmacy Contractual Framework, since 15 February 2021).
-- At discharge the changes are fixed as the discharge medicines record of that admission: stored once, addressed to
-- the patient's GP practice and nominated community pharmacy as they were at discharge, never edited or deleted (the
-- triggers refuse it), so what the GP and the pharmacy read is what was true at discharge.
create table discharge_medicines (
    id                     uuid          primary key,
    patient_id             uuid          not null references patient (id),
    admission_id           uuid          not null unique,
    admitted_at            timestamptz   not null,
    discharged_at          timestamptz   not null,
    discharged_by          varchar(80)   not null,
    recorded_at            timestamptz   not null,
    gp_practice_code       varchar(20),
    gp_practice_name       varchar(200),
    pharmacy_name          varchar(200),
    pharmacy_ods_code      varchar(10),
    reconciliation_words   varchar(600)  not null
);

create index discharge_medicines_of_patient on discharge_medicines (patient_id, discharged_at desc);

create table discharge_medicine_change (
    record_id     uuid          not null references discharge_medicines (id),
    position      integer       not null,
    patient_id    uuid          not null,
    section       varchar(30)   not null check (section in ('BEFORE_ADMISSION', 'DURING_STAY')),
    kind          varchar(40)   not null,
    medicine      varchar(300)  not null,
    before_words  varchar(800),
    after_words   varchar(800),
    reason        varchar(1000),
    decided_by    varchar(400),
    history       text          not null,
    primary key (record_id, position)
);

create function discharge_medicines_never_change() returns trigger language plpgsql as $$
begin
    raise exception 'a discharge medicines record is fixed at discharge and never changed or deleted';
end;
$$;

create trigger discharge_medicines_fixed before update or delete on discharge_medicines
    for each row execute function discharge_medicines_never_change();
create trigger discharge_medicine_change_fixed before update or delete on discharge_medicine_change
    for each row execute function discharge_medicines_never_change();

-- The patient's nominated community pharmacy: each nomination a row, the newest standing; a removal is a row with no
-- name. Optional: a patient may have none.
create table community_pharmacy_nomination (
    id                 uuid          primary key,
    patient_id         uuid          not null references patient (id),
    pharmacy_name      varchar(200),
    ods_code           varchar(10),
    recorded_by        varchar(300)  not null,
    recorded_by_username varchar(80) not null,
    recorded_at        timestamptz   not null
);

create index community_pharmacy_nomination_latest on community_pharmacy_nomination (patient_id, recorded_at desc);
