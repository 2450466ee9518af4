-- Completing a step-down referral on the acute trust's A03 (ADR 0006).

-- referral module: when the patient left the acute ward, as the inpatient stay's events say (the last A03 not undone
-- since by an A13, A01 or A02); kept on the referral so lists show "Ready to admit" without reading every stay
alter table referral add column left_acute_ward_at timestamptz;

update referral r set left_acute_ward_at = last.occurred_at
from (select distinct on (referral_id) referral_id, kind, occurred_at
      from referral_inpatient_event
      where kind in ('DISCHARGED', 'DISCHARGE_CANCELLED', 'ADMITTED', 'TRANSFERRED')
      order by referral_id, recorded_at desc, id desc) last
where last.referral_id = r.id and last.kind = 'DISCHARGED';

-- task module: the coordinators' "Plan the first visit" task raised when a step-down referral is ready to admit; at
-- most one open such task per referral, whatever repeats the hospital sends
alter table task drop constraint task_origin_check;
alter table task add constraint task_origin_check
    check (origin in ('BY_HAND', 'BOARD_ROUND', 'ALERT', 'RESULT', 'PRESCRIPTION', 'RECONCILIATION', 'MEDICINE_DOSE',
                      'STEP_DOWN_READY'));
create unique index task_one_open_step_down_ready on task (origin_id)
    where origin = 'STEP_DOWN_READY' and status = 'OPEN';
