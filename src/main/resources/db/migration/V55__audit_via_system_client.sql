-- audit: a request a system client (a device platform, an integration engine) made acting as a person is audited
-- under that person's name, as before, and now also names the client (its client id), so the trail tells what the
-- nurse did from what the device platform registered to act as the nurse did. Null for everything else.
alter table audit_event add column via_system_client varchar(100);
