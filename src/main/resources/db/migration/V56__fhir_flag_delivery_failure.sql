-- fhir: a failed Flag delivery keeps the kind of failure (DeliveryFailure) and, when the receiving system answered,
-- its HTTP status and the start of what it said, beside the sender's one-line technical message (last_error), so the
-- administrator's page says it in words without reading that message. Rows from before are classified once here
-- from the message the sender wrote then ('HTTP 503: busy', 'could not reach ...: ConnectException ...').
alter table fhir_flag_delivery add column failure varchar(30);
alter table fhir_flag_delivery add column failure_status int;
alter table fhir_flag_delivery add column failure_said varchar(300);
update fhir_flag_delivery set
    failure = case
        when last_error like 'HTTP %' then 'ERROR_ANSWER'
        when last_error = 'interrupted' then 'INTERRUPTED'
        when last_error like '%ConnectException%' and last_error not like '%Timeout%' then 'NO_ANSWER'
        when last_error like '%Timeout%' then 'TIMED_OUT'
        when last_error like '%UnresolvedAddress%' or last_error like '%UnknownHost%' then 'UNKNOWN_HOST'
        when last_error like '%SSL%' then 'NO_SECURE_CONNECTION'
        when last_error like '%IllegalArgumentException%' then 'UNUSABLE_ADDRESS'
        else 'CONNECTION_FAILED' end,
    failure_status = case when last_error ~ '^HTTP [0-9]{3}' then substring(last_error from 6 for 3)::int end,
    failure_said = case when last_error ~ '^HTTP [0-9]{3}: ' then left(substring(last_error from 11), 300) end
where last_error is not null;
alter table fhir_flag_delivery add constraint fhir_flag_delivery_failure_check check (failure in ('ERROR_ANSWER',
    'NO_ANSWER', 'TIMED_OUT', 'UNKNOWN_HOST', 'NO_SECURE_CONNECTION', 'UNUSABLE_ADDRESS', 'CONNECTION_FAILED',
    'INTERRUPTED'));
