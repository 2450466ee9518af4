-- issue 11 (records): corrections to a patient's details kept as history, and search by any part of the name

-- one row per field changed by a correction: who, when, from which organisation, old -> new, and the reason given
create table patient_change (
    id                  bigserial    primary key,
    patient_id          uuid         not null references patient (id),
    changed_at          timestamptz  not null,
    username            varchar(100) not null,
    display_name        varchar(200) not null,
    organisation_name   varchar(200) not null,
    section             varchar(20)  not null check (section in ('DEMOGRAPHICS', 'ADDRESS', 'LOCATION', 'GP_PRACTICE', 'CARER')),
    field               varchar(100) not null,
    old_value           varchar(500),
    new_value           varchar(500),
    reason              varchar(500)
);
create index patient_change_patient_idx on patient_change (patient_id, id desc);

-- search: "Sheila Robinson", "robinson sheila" and "Sheil" each match any part of "given family". With pg_trgm (in
-- the embedded binaries; an external server may not allow it) a trigram index serves any substring; without it,
-- prefix indexes on each name serve searches by the start of a name.
do $$
begin
    begin
        create extension if not exists pg_trgm;
    exception when others then
        raise notice 'pg_trgm not available (%): name search uses prefix indexes', sqlerrm;
    end;
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index patient_full_name_trgm_idx on patient using gin '
             || '((lower(given_name || '' '' || family_name)) gin_trgm_ops)';
    else
        execute 'create index patient_given_name_prefix_idx on patient (lower(given_name) text_pattern_ops)';
        execute 'create index patient_family_name_prefix_idx on patient (lower(family_name) text_pattern_ops)';
    end if;
end
$$;
create index patient_date_of_birth_idx on patient (date_of_birth);
