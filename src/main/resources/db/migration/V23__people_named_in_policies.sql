-- Escalation policies, patient overrides and quiet hours name who set or ended them as "Display name (username)",
-- as SpO2 Scale 2 decisions do: the name a colleague knows, the username that tells two people of one name apart.
alter table ward_escalation_policy alter column set_by type varchar(300);
alter table patient_escalation_override alter column set_by type varchar(300);
alter table patient_escalation_override alter column ended_by type varchar(300);
alter table quiet_hours alter column set_by type varchar(300);
