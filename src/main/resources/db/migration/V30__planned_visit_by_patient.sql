-- The board round's next planned visit of each patient on the board (VisitRecordRepository.nextPlannedVisits) looked
-- patients up in today's and tomorrow's plans by plan only, reading every visit of every version of those plans. With a
-- week of plans re-planned five times a day for 10,080 patients (705,600 planned visits), one ward's board (48
-- patients) took 65 ms for it; with this index, 1.6 ms (issue 12, bench/README.md).
create index planned_visit_patient on planned_visit (patient_id, plan_id);
