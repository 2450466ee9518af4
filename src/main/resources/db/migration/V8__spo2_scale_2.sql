-- observation: NEWS2 SpO2 Scale 2 for a patient with hypercapnic respiratory failure (RCP 2017, Chart 1), documented
-- by a senior clinical decision-maker with the reason, who and when. Decisions are never deleted: an ended one keeps
-- who ended it, when and why, so every stored set can be re-scored with the scale that applied when it was taken.
create table spo2_scale_decision (
    id               uuid primary key,
    patient_id       uuid         not null,
    reason           varchar(500) not null,
    documented_by    varchar(200) not null,
    documented_at    timestamptz  not null,
    ended_by         varchar(200),
    ended_at         timestamptz,
    end_reason       varchar(500),
    check ((ended_at is null) = (ended_by is null)),
    check (ended_at is null or ended_at >= documented_at)
);
create unique index spo2_scale_decision_active on spo2_scale_decision (patient_id) where ended_at is null;
create index spo2_scale_decision_patient on spo2_scale_decision (patient_id, documented_at);
