-- diagnostics: a sample (or point-of-care test) taken at a home visit names that visit (the day plan's date and the
-- visit's id, as visit_record keys it), so the visit's record lists what was taken at it.
alter table test_order add column sample_visit_date date;
alter table test_order add column sample_visit_id varchar(250);
alter table test_order add constraint test_order_sample_visit_whole
    check ((sample_visit_date is null) = (sample_visit_id is null));
create index test_order_sample_visit on test_order (sample_visit_date, sample_visit_id)
    where sample_visit_id is not null;
