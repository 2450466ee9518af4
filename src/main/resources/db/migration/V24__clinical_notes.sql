-- Clinical notes (issue 12): entries by any clinical member of a patient's care team, read by every organisation in
-- it, amended with history and never deleted. A note is its author and when it was first written (clinical_note);
-- what it says is its versions (clinical_note_version): version 1 as written, each amendment a new version with who,
-- when and why. The note reads as its newest version. Neither table is ever updated or deleted: triggers refuse it, as
-- they do for the audit trail, so an amendment can only ever add a version and the original stays readable.
create table clinical_note (
    id                       uuid primary key,
    patient_id               uuid         not null references patient (id),
    author_username          varchar(80)  not null,
    author_name              varchar(200) not null,
    author_job_title         varchar(200),
    author_role              varchar(40)  not null,
    author_organisation_id   uuid         not null,
    author_organisation_name varchar(200) not null,
    written_at               timestamptz  not null
);
create index clinical_note_patient_idx on clinical_note (patient_id);

create table clinical_note_version (
    note_id         uuid           not null references clinical_note (id),
    version         integer        not null check (version >= 1),
    kind            varchar(30)    not null check (kind in ('VISIT_NOTE', 'PHONE_REVIEW', 'CONSULTANT_REVIEW',
                                                            'SPECIALIST_ADVICE', 'MDT_DISCUSSION')),
    text            varchar(10000) not null check (length(btrim(text)) > 0),
    refers_to       timestamptz    not null,
    written_by      varchar(80)    not null,
    written_by_name varchar(200)   not null,
    written_at      timestamptz    not null,
    reason          varchar(500),
    primary key (note_id, version),
    -- the first version is the note as written; every later one is an amendment, which needs its reason
    check ((version = 1) = (reason is null))
);

create function clinical_note_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed (a note is amended by adding a version, never changed or deleted)',
        tg_table_name, tg_op;
end;
$$;
create trigger clinical_note_no_change before update or delete on clinical_note
    for each row execute function clinical_note_is_append_only();
create trigger clinical_note_no_truncate before truncate on clinical_note
    for each statement execute function clinical_note_is_append_only();
create trigger clinical_note_version_no_change before update or delete on clinical_note_version
    for each row execute function clinical_note_is_append_only();
create trigger clinical_note_version_no_truncate before truncate on clinical_note_version
    for each statement execute function clinical_note_is_append_only();
