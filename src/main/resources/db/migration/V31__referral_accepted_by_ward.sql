-- The free-bed check counts a ward's accepted referrals awaiting admission (ReferralRepository
-- .countAcceptedAwaitingAdmission) through the status index, which keeps an entry for every referral version that was
-- ever ACCEPTED until vacuum removes it: in the demo loader's one transaction, every admission so far, so loading
-- 10,080 admitted patients slowed as it went (6 ms a count at the end, for 336 live rows). This index reads only the
-- ward's own.
create index referral_accepted_by_ward on referral (ward_id) where status = 'ACCEPTED';
