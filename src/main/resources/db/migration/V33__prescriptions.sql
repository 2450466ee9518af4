-- Medicines (issue 13), part 2: prescriptions for home, the checks a prescriber confirmed with a reason, and the
-- pharmacist's screening. A prescription is changed only by stopping it (who, when, why) and, for a change, a new one
-- linked to it; a stopped prescription is never changed again (the trigger refuses it). Screening is recorded once per
-- answer (screened, or queried with a note), newest first.
create table prescription (
    id                       uuid primary key,
    patient_id               uuid           not null references patient (id),
    formulary_entry_id       uuid           not null references formulary_entry (id),
    formulary_version        integer        not null,
    medicine                 varchar(200)   not null,
    dose                     numeric(12, 4) not null check (dose > 0),
    dose_unit                varchar(20)    not null,
    route                    varchar(30)    not null,
    frequency                varchar(30)    not null,
    times_of_day             varchar(200)   not null,
    starts_at                timestamptz    not null,
    ends_at                  timestamptz,
    indication               varchar(500)   not null check (length(btrim(indication)) > 0),
    review_on                date,
    antimicrobial            boolean        not null,
    substance_class          varchar(40),
    weight_kg                numeric(6, 2),
    dose_per_kg_mg           numeric(12, 4),
    prescribed_by            varchar(80)    not null,
    prescribed_by_name       varchar(200)   not null,
    prescribed_by_role       varchar(40)    not null,
    prescribed_by_organisation varchar(200) not null,
    prescribed_at            timestamptz    not null,
    replaces                 uuid references prescription (id),
    screening                varchar(20)    not null default 'AWAITING'
                                            check (screening in ('AWAITING', 'SCREENED', 'QUERIED')),
    screening_task_id        uuid,
    stopped_at               timestamptz,
    stopped_by               varchar(80),
    stopped_by_name          varchar(200),
    stop_reason              varchar(500),
    replaced_by              uuid references prescription (id),
    check ((stopped_at is null) = (stop_reason is null)),
    check (ends_at is null or ends_at > starts_at)
);
create index prescription_patient_idx on prescription (patient_id, stopped_at);

create function prescription_stopped_is_read_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a prescription is never deleted: stop it with a reason';
    end if;
    if old.stopped_at is not null then
        raise exception 'prescription % is stopped and read-only', old.id;
    end if;
    return new;
end;
$$;
create trigger prescription_read_only_when_stopped before update or delete on prescription
    for each row execute function prescription_stopped_is_read_only();

create table prescription_override (
    prescription_id uuid         not null references prescription (id),
    check_name      varchar(30)  not null check (check_name in ('ALLERGY', 'DUPLICATE', 'DOSE_RANGE', 'CHILD_DOSE')),
    finding         varchar(1000) not null,
    reason          varchar(500) not null check (length(btrim(reason)) > 0),
    primary key (prescription_id, check_name)
);

create table prescription_screening (
    id              uuid primary key,
    prescription_id uuid          not null references prescription (id),
    outcome         varchar(20)   not null check (outcome in ('SCREENED', 'QUERIED')),
    note            varchar(2000),
    screened_by     varchar(80)   not null,
    screened_by_name varchar(200) not null,
    screened_by_organisation varchar(200) not null,
    screened_at     timestamptz   not null,
    check (outcome = 'SCREENED' or note is not null)
);
create index prescription_screening_idx on prescription_screening (prescription_id, screened_at desc);

-- a prescription's screening is a task on the pharmacist's worklist
alter table task drop constraint task_origin_check;
alter table task add constraint task_origin_check
    check (origin in ('BY_HAND', 'BOARD_ROUND', 'ALERT', 'RESULT', 'PRESCRIPTION'));
