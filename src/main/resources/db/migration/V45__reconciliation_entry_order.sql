-- Medicines listed in one request share their recorded_at; the order they were entered in is kept by a sequence so
-- the reconciliation, and the discharge medicines record made from it, list them as the pharmacist entered them
-- (ordering by the random id after the time shuffled them from one reading to the next).
alter table medicines_reconciliation_entry add column entered bigint generated always as identity;
