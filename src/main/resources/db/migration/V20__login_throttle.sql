-- Failed sign-ins, counted in the database so that every app node sharing it sees the same counts: one row per
-- username tried (known or not, so that an unknown name is answered exactly like a known one) and one per source
-- address. A row's window starts at its first failure; an account row that reaches the limit is locked until
-- locked_until. A successful sign-in or an administrator's unlock deletes the account row.
create table login_throttle (
    kind              varchar(10)  not null check (kind in ('ACCOUNT', 'ADDRESS')),
    key               varchar(200) not null,
    failures          integer      not null,
    window_started_at timestamptz  not null,
    last_failure_at   timestamptz  not null,
    locked_until      timestamptz,
    primary key (kind, key)
);
-- old rows are swept by last failure
create index login_throttle_last_failure_idx on login_throttle (last_failure_at);
