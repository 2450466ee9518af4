-- observation: scoring needs each parameter's latest reading for the patients a batch touched. An index by patient,
-- parameter and time answers that with one short index probe per parameter, however many readings a patient has
-- sent in the last half hour; it also serves the chart's "patient since" range. It replaces the patient/time index.
create index observation_reading_patient_parameter_time
    on observation_reading (patient_id, parameter, recorded_at desc);
drop index observation_reading_patient_time;
