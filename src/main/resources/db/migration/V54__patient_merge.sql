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
