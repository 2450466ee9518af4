-- Two revisions of one admission's EDD in the same instant (a clock that has not moved, or two seniors at once) are
-- listed in the order they were stored, not by their random ids.
alter table admission_edd_revision add column entered bigint generated always as identity;
