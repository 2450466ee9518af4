-- Medicines (issue 13): grab bags and their stock, and the controlled drugs register.
-- A grab bag belongs to one organisation (a visiting team's bag: label, where it is kept, its seal). Its contents are
-- items (a formulary medicine, batch, expiry and the quantity the book says is there). Every change of a quantity is
-- an append-only stock movement (received, used for a patient, returned, removed expired, check adjustment) with who,
-- when and why, and the quantity after it, never below zero. Checks record the seal found and each item counted; a
-- count that differs from the book is a discrepancy kept with its reason. Controlled drugs have their own register
-- per organisation, bag and medicine with a running balance after each entry (Misuse of Drugs Regulations 2001, reg.
-- 19-20; NICE NG46): entries are never edited or deleted. grab_bag_item.quantity and grab_bag.seal_number / sealed
-- are the running state the movements and seal events explain; they change only with a movement or seal event
-- written in the same transaction.
create table grab_bag (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id),
    label           varchar(100) not null check (length(btrim(label)) > 0),
    kept_at         varchar(200) not null check (length(btrim(kept_at)) > 0),
    seal_number     varchar(40),
    sealed          boolean      not null,
    created_by      varchar(80)  not null,
    created_by_name varchar(200) not null,
    created_at      timestamptz  not null,
    check (not sealed or seal_number is not null)
);
create unique index grab_bag_label_idx on grab_bag (organisation_id, lower(label));

create table grab_bag_seal_event (
    id          uuid primary key,
    bag_id      uuid         not null references grab_bag (id),
    kind        varchar(20)  not null check (kind in ('SEALED', 'OPENED', 'FOUND_INTACT', 'FOUND_BROKEN')),
    seal_number varchar(40),
    reason      varchar(500),
    by_username varchar(80)  not null,
    by_name     varchar(200) not null,
    at          timestamptz  not null
);
create index grab_bag_seal_event_bag_idx on grab_bag_seal_event (bag_id, at);

create table grab_bag_item (
    id                 uuid primary key,
    bag_id             uuid          not null references grab_bag (id),
    formulary_entry_id uuid          not null references formulary_entry (id),
    medicine           varchar(400)  not null,
    controlled_drug    boolean       not null,
    batch              varchar(40)   not null check (length(btrim(batch)) > 0),
    expiry_date        date          not null,
    quantity           numeric(10, 2) not null check (quantity >= 0),
    created_at         timestamptz   not null,
    unique (bag_id, formulary_entry_id, batch, expiry_date)
);
create index grab_bag_item_medicine_idx on grab_bag_item (formulary_entry_id, expiry_date);

create table grab_bag_check (
    id            uuid primary key,
    bag_id        uuid         not null references grab_bag (id),
    seal_found    varchar(40),
    seal_intact   boolean      not null,
    note          varchar(500),
    by_username   varchar(80)  not null,
    by_name       varchar(200) not null,
    at            timestamptz  not null
);
create index grab_bag_check_bag_idx on grab_bag_check (bag_id, at);

create table grab_bag_check_count (
    check_id uuid           not null references grab_bag_check (id),
    item_id  uuid           not null references grab_bag_item (id),
    book     numeric(10, 2) not null,
    counted  numeric(10, 2) not null check (counted >= 0),
    reason   varchar(500),
    primary key (check_id, item_id),
    -- a count that differs from the book is a discrepancy, which needs its reason
    check (counted = book or reason is not null)
);

create table stock_movement (
    id               uuid primary key,
    bag_id           uuid           not null references grab_bag (id),
    item_id          uuid           not null references grab_bag_item (id),
    organisation_id  uuid           not null references organisation (id),
    kind             varchar(20)    not null check (kind in ('RECEIVED', 'USED', 'RETURNED', 'REMOVED_EXPIRED',
                                                              'CHECK_ADJUSTMENT')),
    quantity_change  numeric(10, 2) not null,
    quantity_after   numeric(10, 2) not null check (quantity_after >= 0),
    patient_id       uuid references patient (id),
    reason           varchar(500),
    check_id         uuid references grab_bag_check (id),
    by_username      varchar(80)    not null,
    by_name          varchar(200)   not null,
    witness_username varchar(80),
    witness_name     varchar(200),
    at               timestamptz    not null,
    check ((kind = 'USED') = (patient_id is not null))
);
create index stock_movement_item_idx on stock_movement (item_id, at);
create index stock_movement_bag_idx on stock_movement (bag_id, at);

create table controlled_drug_register_entry (
    id                 uuid primary key,
    organisation_id    uuid           not null references organisation (id),
    bag_id             uuid           not null references grab_bag (id),
    formulary_entry_id uuid           not null references formulary_entry (id),
    medicine           varchar(400)   not null,
    seq                integer        not null check (seq >= 1),
    kind               varchar(20)    not null check (kind in ('RECEIVED', 'ADMINISTERED', 'RETURNED', 'DESTROYED',
                                                                'CHECK')),
    quantity_change    numeric(10, 2) not null,
    balance_after      numeric(10, 2) not null check (balance_after >= 0),
    counted            numeric(10, 2),
    discrepancy        boolean        not null,
    item_id            uuid           not null references grab_bag_item (id),
    batch              varchar(40)    not null,
    patient_id         uuid references patient (id),
    movement_id        uuid references stock_movement (id),
    reason             varchar(500),
    by_username        varchar(80)    not null,
    by_name            varchar(200)   not null,
    witness_username   varchar(80),
    witness_name       varchar(200),
    at                 timestamptz    not null,
    unique (bag_id, formulary_entry_id, seq),
    check ((kind = 'ADMINISTERED') = (patient_id is not null)),
    check (kind <> 'ADMINISTERED' or witness_username is not null),
    check (witness_username is null or witness_username <> by_username),
    check (not discrepancy or reason is not null)
);
create index controlled_drug_register_org_idx on controlled_drug_register_entry (organisation_id, formulary_entry_id,
    at);

create function stock_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed (corrected by a new entry, never changed or deleted)',
        tg_table_name, tg_op;
end;
$$;
create trigger stock_movement_no_change before update or delete on stock_movement
    for each row execute function stock_record_is_append_only();
create trigger controlled_drug_register_no_change before update or delete on controlled_drug_register_entry
    for each row execute function stock_record_is_append_only();
create trigger grab_bag_check_no_change before update or delete on grab_bag_check
    for each row execute function stock_record_is_append_only();
create trigger grab_bag_check_count_no_change before update or delete on grab_bag_check_count
    for each row execute function stock_record_is_append_only();
create trigger grab_bag_seal_event_no_change before update or delete on grab_bag_seal_event
    for each row execute function stock_record_is_append_only();
