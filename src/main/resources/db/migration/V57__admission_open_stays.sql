-- Every open admission's ids and ward, read from the index alone (an index-only scan) in place of a scan of the whole
-- admission table (about 900 bytes a row, discharged stays included): the whole service's board round orders all its
-- patients from this before it reads one page in full (issue 12). With the ward first it also serves a ward's open
-- admissions, so it replaces the index on ward alone.
create index admission_open_stays on admission (ward_id, admitted_at, id) include (patient_id)
    where discharged_at is null;
drop index admission_ward_open_idx;
