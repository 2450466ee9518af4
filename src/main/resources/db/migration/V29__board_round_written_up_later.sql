-- boardround: a round held on an earlier day (on paper, during an outage) and written up afterwards, for a day up to
-- 7 days before the day it is written up; its started_at is when it was written up. Its reviews are dated the day it
-- was held, so they never count as today's.
alter table board_round add column written_up_later boolean not null default false;
