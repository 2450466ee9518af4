-- referral: Clinical Frailty Scale v2.0 and 4AT recorded at admission assessment (KLoE 3.2), adults only.
alter table admission add column clinical_frailty_scale smallint check (clinical_frailty_scale between 1 and 9);
alter table admission add column clinical_frailty_scale_version varchar(5);
alter table admission add column four_at_total smallint check (four_at_total between 0 and 12);
alter table admission add column four_at_interpretation varchar(80);
alter table admission add constraint admission_cfs_has_version
    check ((clinical_frailty_scale is null) = (clinical_frailty_scale_version is null));
alter table admission add constraint admission_four_at_complete
    check ((four_at_total is null) = (four_at_interpretation is null));
