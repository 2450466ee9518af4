-- the test catalogue kept on a page and through the API (POST and PUT /api/v1/test-catalogue): diagnostic_test holds
-- each test as it reads now, diagnostic_test_version every reading of it with who saved it, when and why (append-only).
-- Results already copy the reference range they were flagged against (test_result.reference_low and reference_high)
-- and store their flag; each result now also names the catalogue version whose unit and critical limits it was judged
-- by, so a later change never re-flags a stored result and the limits used can always be read back.

alter table diagnostic_test add column version int not null default 1;
alter table diagnostic_test alter column version drop default;
create unique index diagnostic_test_name on diagnostic_test (lower(name));

create table diagnostic_test_version (
    code                 varchar(30)  not null references diagnostic_test (code),
    version              int          not null check (version >= 1),
    name                 varchar(100) not null,
    kind                 varchar(20)  not null check (kind in ('BLOOD', 'MICROBIOLOGY', 'ECG', 'IMAGING', 'POINT_OF_CARE')),
    unit                 varchar(20),
    adult_low            numeric,
    adult_high           numeric,
    child_low            numeric,
    child_high           numeric,
    critical_low         numeric,
    critical_high        numeric,
    child_critical_low   numeric,
    child_critical_high  numeric,
    source               varchar(500) not null,
    saved_by             varchar(200) not null,
    saved_by_username    varchar(100),
    saved_at             timestamptz  not null,
    -- why the test was changed; none for the first version (the test as added)
    reason               varchar(500),
    primary key (code, version),
    check ((version = 1) = (reason is null)),
    check ((unit is null) = (kind in ('MICROBIOLOGY', 'ECG', 'IMAGING')))
);

insert into diagnostic_test_version (code, version, name, kind, unit, adult_low, adult_high, child_low, child_high,
        critical_low, critical_high, child_critical_low, child_critical_high, source, saved_by, saved_by_username,
        saved_at, reason)
select code, 1, name, kind, unit, adult_low, adult_high, child_low, child_high, critical_low, critical_high,
       child_critical_low, child_critical_high, source, 'Homeward catalogue as first installed (migration V35)', null,
       now(), null
from diagnostic_test;

create function test_catalogue_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed (a change to a test is a new version, the earlier kept)',
        tg_table_name, tg_op;
end;
$$;
create trigger diagnostic_test_version_no_change before update or delete on diagnostic_test_version
    for each row execute function test_catalogue_is_append_only();
create trigger diagnostic_test_version_no_truncate before truncate on diagnostic_test_version
    for each statement execute function test_catalogue_is_append_only();

-- every result so far was flagged against the catalogue as first installed: version 1 (a column default fills the
-- existing rows without an update, which the append-only trigger would refuse)
alter table test_result add column catalogue_version int not null default 1;
alter table test_result alter column catalogue_version drop default;
alter table test_result add constraint test_result_catalogue_version
    foreign key (test_code, catalogue_version) references diagnostic_test_version (code, version);
