-- Medicines (issue 13), part 1: allergies and adverse reactions, "no known allergies" statements, weights, and the
-- service's formulary. An allergy is who first recorded it (allergy) and what it says (allergy_version): each
-- correction or entering-in-error adds a version with who, when and why; neither table is updated or deleted. A
-- statement of no known allergies is superseded (never deleted) when an allergy is recorded after it. A formulary
-- entry keeps every version the pharmacist saved.
create table allergy (
    id          uuid primary key,
    patient_id  uuid        not null references patient (id),
    recorded_at timestamptz not null
);
create index allergy_patient_idx on allergy (patient_id);

create table allergy_version (
    allergy_id               uuid          not null references allergy (id),
    version                  integer       not null check (version >= 1),
    substance                varchar(200)  not null check (length(btrim(substance)) > 0),
    formulary_entry_id       uuid,
    substance_class          varchar(40),
    reaction                 varchar(1000) not null check (length(btrim(reaction)) > 0),
    severity                 varchar(20)   not null check (severity in ('MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING')),
    certainty                varchar(20)   not null check (certainty in ('SUSPECTED', 'CONFIRMED')),
    kind                     varchar(20)   not null check (kind in ('ALLERGY', 'ADVERSE_REACTION', 'INTOLERANCE')),
    entered_in_error         boolean       not null default false,
    recorded_by              varchar(80)   not null,
    recorded_by_name         varchar(200)  not null,
    recorded_by_role         varchar(40)   not null,
    recorded_by_organisation varchar(200)  not null,
    recorded_at              timestamptz   not null,
    reason                   varchar(500),
    primary key (allergy_id, version),
    check ((version = 1) = (reason is null))
);

create table allergy_statement (
    id                       uuid primary key,
    patient_id               uuid         not null references patient (id),
    recorded_by              varchar(80)  not null,
    recorded_by_name         varchar(200) not null,
    recorded_by_role         varchar(40)  not null,
    recorded_by_organisation varchar(200) not null,
    recorded_at              timestamptz  not null,
    superseded_at            timestamptz,
    superseded_by_allergy    uuid references allergy (id)
);
create index allergy_statement_patient_idx on allergy_statement (patient_id, recorded_at desc);

create table patient_weight (
    id                       uuid primary key,
    patient_id               uuid          not null references patient (id),
    weight_kg                numeric(6, 2) not null check (weight_kg > 0 and weight_kg <= 400),
    measured_on              date          not null,
    recorded_by              varchar(80)   not null,
    recorded_by_name         varchar(200)  not null,
    recorded_at              timestamptz   not null
);
create index patient_weight_patient_idx on patient_weight (patient_id, measured_on desc, recorded_at desc);

create table formulary_entry (
    id         uuid primary key,
    created_at timestamptz not null
);

create table formulary_entry_version (
    entry_id                  uuid           not null references formulary_entry (id),
    version                   integer        not null check (version >= 1),
    name                      varchar(200)   not null check (length(btrim(name)) > 0),
    form                      varchar(100)   not null,
    strength                  varchar(100)   not null,
    routes                    varchar(200)   not null,
    dose_unit                 varchar(20)    not null,
    adult_dose_min            numeric(12, 4),
    adult_dose_max            numeric(12, 4),
    child_dose_per_kg_min_mg  numeric(12, 4),
    child_dose_per_kg_max_mg  numeric(12, 4),
    child_max_dose            numeric(12, 4),
    time_critical             boolean        not null,
    second_checker            boolean        not null,
    controlled_drug           boolean        not null,
    antimicrobial             boolean        not null,
    substance_class           varchar(40),
    dmd_code                  varchar(30),
    dmd_source                varchar(500),
    dose_source               varchar(500),
    saved_by                  varchar(80)    not null,
    saved_by_name             varchar(200)   not null,
    saved_at                  timestamptz    not null,
    reason                    varchar(500),
    primary key (entry_id, version),
    check ((version = 1) = (reason is null)),
    check (adult_dose_min is null or adult_dose_max is null or adult_dose_min <= adult_dose_max),
    check (child_dose_per_kg_min_mg is null or child_dose_per_kg_max_mg is null
           or child_dose_per_kg_min_mg <= child_dose_per_kg_max_mg),
    check (dmd_code is null or dmd_source is not null)
);

create function medication_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed (add a version instead)', tg_table_name, tg_op;
end;
$$;
create trigger allergy_version_no_change before update or delete on allergy_version
    for each row execute function medication_is_append_only();
create trigger allergy_no_change before update or delete on allergy
    for each row execute function medication_is_append_only();
create trigger formulary_entry_version_no_change before update or delete on formulary_entry_version
    for each row execute function medication_is_append_only();
create trigger patient_weight_no_change before update or delete on patient_weight
    for each row execute function medication_is_append_only();
