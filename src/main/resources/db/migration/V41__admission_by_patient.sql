-- A patient's admissions, newest first (the medicines reconciliation finds the admission it belongs to, and the
-- referral module a patient's latest admission, by patient): only open admissions had an index by patient, so each
-- such read scanned every admission ever made; loading the demo at scale 112 spent over 20 minutes in these scans.
create index admission_patient_idx on admission (patient_id, admitted_at desc);
