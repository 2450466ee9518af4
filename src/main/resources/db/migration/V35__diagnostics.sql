-- diagnostics: the test catalogue (data, sources in docs/diagnostics.md), orders with their sample and its transport,
-- results (append-only: a correction is a new row superseding the old) and their acknowledgements (append-only)

create table diagnostic_test (
    code                 varchar(30)  primary key,
    name                 varchar(100) not null,
    kind                 varchar(20)  not null check (kind in ('BLOOD', 'MICROBIOLOGY', 'ECG', 'IMAGING', 'POINT_OF_CARE')),
    -- the panel a form offers it in (U&E, FBC), or null when ordered on its own
    panel_code           varchar(30),
    panel_name           varchar(100),
    -- UCUM-style unit for a numeric test; null for a test reported in words (ECG, imaging, culture)
    unit                 varchar(20),
    adult_low            numeric,
    adult_high           numeric,
    child_low            numeric,
    child_high           numeric,
    -- critical limits: a value at or beyond the limit is critical (RCPath 2017 writes them as <= and >=)
    critical_low         numeric,
    critical_high        numeric,
    child_critical_low   numeric,
    child_critical_high  numeric,
    source               varchar(500) not null,
    listed_order         int          not null,
    check ((unit is null) = (kind in ('MICROBIOLOGY', 'ECG', 'IMAGING')))
);

insert into diagnostic_test (code, name, kind, panel_code, panel_name, unit, adult_low, adult_high, child_low, child_high,
        critical_low, critical_high, child_critical_low, child_critical_high, source, listed_order) values
('SODIUM', 'Sodium', 'BLOOD', 'UE', 'Urea and electrolytes (U&E)', 'mmol/L', 133, 146, null, null, 120, 160, 130, 160,
 'Range: Pathology Harmony (adults). Critical: RCPath 2017 G158 (<=120 over 16 years, <=130 under 16, >=160)', 10),
('POTASSIUM', 'Potassium', 'BLOOD', 'UE', 'Urea and electrolytes (U&E)', 'mmol/L', 3.5, 5.3, null, null, 2.5, 6.5, 2.5, 6.5,
 'Range: Pathology Harmony (adults). Critical: RCPath 2017 G158 (<=2.5, >=6.5)', 11),
('UREA', 'Urea', 'BLOOD', 'UE', 'Urea and electrolytes (U&E)', 'mmol/L', 2.5, 7.8, null, null, null, 30, null, 10,
 'Range: Pathology Harmony (adults). Critical: RCPath 2017 G158 (>=30 over 16 years, >=10 under 16)', 12),
('CREATININE', 'Creatinine', 'BLOOD', 'UE', 'Urea and electrolytes (U&E)', 'umol/L', null, null, null, null, null, 354, null, 200,
 'Range: none in the catalogue (depends on method and sex: the lab''s printed range is required). Critical: RCPath 2017 G158 (>=354 adults, >=200 under 16)', 13),
('CRP', 'C-reactive protein (CRP)', 'BLOOD', null, null, 'mg/L', 0, 5, null, null, null, 300, null, null,
 'Range: Pathology Harmony (<5; Homeward reads 0-5 with both ends within range, a local choice). Critical: RCPath 2017 G158 (>=300, for patients outside hospital)', 20),
('HAEMOGLOBIN', 'Haemoglobin', 'BLOOD', 'FBC', 'Full blood count (FBC)', 'g/L', null, null, null, null, null, null, null, null,
 'Range: none in the catalogue (Pathology Harmony differs by sex: 130-180 men, 115-165 women; the lab''s printed range is required). Critical: none in the catalogue', 30),
('WCC', 'White cell count', 'BLOOD', 'FBC', 'Full blood count (FBC)', '10*9/L', 4.0, 11.0, null, null, null, null, null, null,
 'Range: Pathology Harmony (adults). Critical: none in the catalogue', 31),
('PLATELETS', 'Platelets', 'BLOOD', 'FBC', 'Full blood count (FBC)', '10*9/L', 150, 400, null, null, null, null, null, null,
 'Range: Pathology Harmony (adults). Critical: none in the catalogue', 32),
('POC_CRP', 'C-reactive protein (CRP), point of care', 'POINT_OF_CARE', null, null, 'mg/L', 0, 5, null, null, null, 300, null, null,
 'As the laboratory CRP: Pathology Harmony range, RCPath 2017 G158 critical limit', 40),
('POC_INR', 'INR, point of care', 'POINT_OF_CARE', null, null, '{INR}', 0.8, 1.2, null, null, null, 5.0, null, 5.0,
 'Local choice: range 0.8-1.2 (not anticoagulated) and critical >=5.0 (a common laboratory phoning limit), not from RCPath 2017', 41),
('POC_LACTATE', 'Lactate, point of care', 'POINT_OF_CARE', null, null, 'mmol/L', null, 2.0, null, 2.0, null, 4.0, null, 4.0,
 'NICE NG51 (sepsis): lactate below 2 mmol/L not raised, over 4 mmol/L high risk; flagging 4.0 itself critical is a local choice', 42),
('BLOOD_CULTURE', 'Blood culture', 'MICROBIOLOGY', null, null, null, null, null, null, null, null, null, null, null,
 'Reported in words; abnormal or critical flagged by the person entering', 50),
('URINE_CULTURE', 'Urine culture (MSU)', 'MICROBIOLOGY', null, null, null, null, null, null, null, null, null, null, null,
 'Reported in words; abnormal or critical flagged by the person entering', 51),
('ECG', '12-lead ECG', 'ECG', null, null, null, null, null, null, null, null, null, null, null,
 'Reported in words; abnormal or critical flagged by the person entering', 60),
('CHEST_XRAY', 'Chest X-ray', 'IMAGING', null, null, null, null, null, null, null, null, null, null, null,
 'Reported in words; abnormal or critical flagged by the person entering', 70);

create table test_order (
    id                         uuid         primary key,
    patient_id                 uuid         not null,
    clinical_question          varchar(1000) not null,
    urgency                    varchar(20)  not null check (urgency in ('ROUTINE', 'URGENT', 'SAME_DAY')),
    point_of_care              boolean      not null,
    ordered_by_username        varchar(100) not null,
    ordered_by_name            varchar(200) not null,
    ordered_by_organisation_id uuid         not null,
    ordered_at                 timestamptz  not null,
    status                     varchar(20)  not null
        check (status in ('ORDERED', 'SAMPLE_TAKEN', 'SENT_TO_LAB', 'RESULTED', 'CANCELLED')),
    -- imaging: how the patient gets there (KLoE 6.3)
    patient_transport          varchar(20)  check (patient_transport in ('BOOKED', 'FAMILY', 'NOT_NEEDED')),
    patient_transport_note     varchar(500),
    -- the sample (one per order), labelled at the bedside
    sample_taken_by            varchar(200),
    sample_taken_by_username   varchar(100),
    sample_taken_at            timestamptz,
    sample_at_home_visit       boolean,
    sample_labelled            boolean      check (sample_labelled is null or sample_labelled),
    sample_transport           varchar(20)  check (sample_transport in ('COURIER', 'HANDED_IN')),
    sample_dispatched_at       timestamptz,
    sample_received_at         timestamptz,
    cancelled_by               varchar(200),
    cancelled_at               timestamptz,
    cancelled_reason           varchar(500),
    acknowledgement_task_id    uuid,
    check ((status = 'CANCELLED') = (cancelled_reason is not null))
);
create index test_order_patient on test_order (patient_id, ordered_at);
create index test_order_outstanding on test_order (patient_id) where status in ('ORDERED', 'SAMPLE_TAKEN', 'SENT_TO_LAB');

create table test_order_item (
    order_id   uuid        not null references test_order (id),
    test_code  varchar(30) not null references diagnostic_test (code),
    primary key (order_id, test_code)
);

create table test_result (
    id                  uuid          primary key,
    patient_id          uuid          not null,
    order_id            uuid          not null,
    test_code           varchar(30)   not null,
    value               numeric,
    unit                varchar(20),
    report              varchar(4000),
    reference_low       numeric,
    reference_high      numeric,
    flag                varchar(20)   not null check (flag in ('NORMAL', 'ABNORMAL_LOW', 'ABNORMAL_HIGH', 'ABNORMAL',
                                                               'CRITICAL_LOW', 'CRITICAL_HIGH', 'CRITICAL')),
    resulted_at         timestamptz   not null,
    source              varchar(20)   not null check (source in ('ENTERED', 'RECEIVED', 'POINT_OF_CARE')),
    entered_by          varchar(200)  not null,
    entered_by_username varchar(100)  not null,
    entered_at          timestamptz   not null,
    -- a correction names the result it replaces and why; the replaced one is kept
    supersedes          uuid          unique references test_result (id),
    correction_reason   varchar(500),
    foreign key (order_id, test_code) references test_order_item (order_id, test_code),
    check ((supersedes is null) = (correction_reason is null)),
    check (value is not null or report is not null),
    check (value is null or unit is not null)
);
create index test_result_patient on test_result (patient_id, order_id);

create table test_result_acknowledgement (
    result_id        uuid         primary key references test_result (id),
    patient_id       uuid         not null,
    acknowledged_by  varchar(200) not null,
    acknowledged_by_username varchar(100) not null,
    acknowledged_at  timestamptz  not null,
    note             varchar(1000)
);

create function diagnostics_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed (a result is corrected by a new result, never changed or deleted)',
        tg_table_name, tg_op;
end;
$$;
create trigger test_result_no_change before update or delete on test_result
    for each row execute function diagnostics_is_append_only();
create trigger test_result_no_truncate before truncate on test_result
    for each statement execute function diagnostics_is_append_only();
create trigger test_result_acknowledgement_no_change before update or delete on test_result_acknowledgement
    for each row execute function diagnostics_is_append_only();
create trigger test_result_acknowledgement_no_truncate before truncate on test_result_acknowledgement
    for each statement execute function diagnostics_is_append_only();

-- escalation: a critical result raises an alert for the patient
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check
    check (kind in ('EARLY_WARNING', 'MISSED_READING', 'CONCERN_RAISED', 'CRITICAL_RESULT'));
