-- issue 14: ADT^A40 merges a retired (duplicate) patient record into the surviving one. The retired record is kept,
-- with its own NHS number and demographics, marked merged into the survivor with who merged it, when and from what
-- (the A40's control id); every module re-points its own rows to the survivor in the merge's transaction.
alter table patient add column merged_into uuid references patient (id);
alter table patient add column merged_at timestamptz;
alter table patient add column merged_by varchar(200);
alter table patient add column merge_source varchar(500);
alter table patient add constraint patient_merged_whole
    check ((merged_into is null) = (merged_at is null) and (merged_into is null) = (merged_by is null));
alter table patient add constraint patient_not_merged_into_itself check (merged_into <> id);
create index patient_merged_into_idx on patient (merged_into) where merged_into is not null;

-- Append-only records (notes, allergies, weights, doses given, results, stock and CD register entries, discharge
-- medicines, stopped prescriptions) move with the merge too: the one change their triggers allow is re-pointing a row,
-- unchanged in every other column, from a record merged into another to that survivor.
create function is_patient_merge_repoint(old_row jsonb, new_row jsonb) returns boolean language sql stable as $$
    select old_row ? 'patient_id' and (old_row - 'patient_id') = (new_row - 'patient_id')
       and exists (select 1 from patient where id = (old_row ->> 'patient_id')::uuid
                       and merged_into = (new_row ->> 'patient_id')::uuid)
$$;

create or replace function clinical_note_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and is_patient_merge_repoint(to_jsonb(old), to_jsonb(new)) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed (a note is amended by adding a version, never changed or deleted)',
        tg_table_name, tg_op;
end;
$$;

create or replace function medication_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and is_patient_merge_repoint(to_jsonb(old), to_jsonb(new)) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed (add a version instead)', tg_table_name, tg_op;
end;
$$;

create or replace function prescription_stopped_is_read_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a prescription is never deleted: stop it with a reason';
    end if;
    if old.stopped_at is not null and not is_patient_merge_repoint(to_jsonb(old), to_jsonb(new)) then
        raise exception 'prescription % is stopped and read-only', old.id;
    end if;
    return new;
end;
$$;

create or replace function diagnostics_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and is_patient_merge_repoint(to_jsonb(old), to_jsonb(new)) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed (a result is corrected by a new result, never changed or deleted)',
        tg_table_name, tg_op;
end;
$$;

create or replace function stock_record_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and is_patient_merge_repoint(to_jsonb(old), to_jsonb(new)) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed (corrected by a new entry, never changed or deleted)',
        tg_table_name, tg_op;
end;
$$;

create or replace function discharge_medicines_never_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and is_patient_merge_repoint(to_jsonb(old), to_jsonb(new)) then
        return new;
    end if;
    raise exception 'a discharge medicines record is fixed at discharge and never changed or deleted';
end;
$$;
