package org.homeward.medication;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Grab bags, their items, stock movements, checks, seal events and the controlled drugs register. Movements, checks,
 * seal events and register entries are append-only (the database refuses updates and deletes); an item's quantity and
 * a bag's seal change only together with the movement or seal event that explains them, under the bag's lock.
 */
@Repository
class GrabBagRepository {

    record Bag(UUID id, OrganisationId organisationId, String label, String keptAt, String sealNumber,
            boolean sealed) {
    }

    record Item(UUID id, UUID bagId, String bagLabel, OrganisationId organisationId, UUID formularyEntryId,
            String medicine, boolean controlledDrug, String batch, LocalDate expiry, BigDecimal quantity) {
    }

    record Actor(String username, String name) {
    }

    record Movement(UUID id, UUID bagId, UUID itemId, OrganisationId organisationId, StockMovementKind kind,
            BigDecimal change, BigDecimal after, PatientId patientId, String reason, UUID checkId, Actor by,
            Actor witness, Instant at) {
    }

    record RegisterRow(UUID id, OrganisationId organisationId, UUID bagId, UUID formularyEntryId, String medicine,
            int seq, ControlledDrugEntryKind kind, BigDecimal change, BigDecimal balanceAfter, BigDecimal counted,
            boolean discrepancy, UUID itemId, String batch, PatientId patientId, UUID movementId, String reason,
            Actor by, Actor witness, Instant at) {
    }

    private static final String ITEM = """
            select i.*, b.label as bag_label, b.organisation_id
            from grab_bag_item i join grab_bag b on b.id = i.bag_id
            """;

    private final JdbcClient jdbc;

    GrabBagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // bags ----------------------------------------------------------------------------------------------------------

    void insertBag(Bag bag, Actor by, Instant at) {
        jdbc.sql("""
                insert into grab_bag (id, organisation_id, label, kept_at, seal_number, sealed, created_by,
                    created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(bag.id(), bag.organisationId().value(), bag.label(), bag.keptAt(), bag.sealNumber(),
                        bag.sealed(), by.username(), by.name(), Timestamp.from(at))
                .update();
    }

    boolean labelTaken(OrganisationId organisation, String label) {
        return jdbc.sql("select count(*) from grab_bag where organisation_id = ? and lower(label) = lower(?)")
                .params(organisation.value(), label).query(Integer.class).single() > 0;
    }

    /** The bag, locked until the transaction ends: every change to a bag's stock or seal takes this lock first. */
    Optional<Bag> lockBag(UUID id) {
        return jdbc.sql("select * from grab_bag where id = ? for update").param(id).query(GrabBagRepository::bag)
                .optional();
    }

    Optional<Bag> findBag(UUID id) {
        return jdbc.sql("select * from grab_bag where id = ?").param(id).query(GrabBagRepository::bag).optional();
    }

    List<Bag> bagsOf(OrganisationId organisation) {
        return jdbc.sql("select * from grab_bag where organisation_id = ? order by lower(label), id")
                .param(organisation.value()).query(GrabBagRepository::bag).list();
    }

    void setSeal(UUID bagId, String sealNumber, boolean sealed) {
        jdbc.sql("update grab_bag set seal_number = ?, sealed = ? where id = ?").params(sealNumber, sealed, bagId)
                .update();
    }

    void insertSealEvent(UUID bagId, SealEvent.Kind kind, String sealNumber, String reason, Actor by, Instant at) {
        jdbc.sql("""
                insert into grab_bag_seal_event (id, bag_id, kind, seal_number, reason, by_username, by_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), bagId, kind.name(), sealNumber, reason, by.username(), by.name(),
                        Timestamp.from(at))
                .update();
    }

    List<SealEvent> sealEvents(UUID bagId) {
        return jdbc.sql("select * from grab_bag_seal_event where bag_id = ? order by at desc, id").param(bagId)
                .query((rs, n) -> new SealEvent(SealEvent.Kind.valueOf(rs.getString("kind")),
                        rs.getString("seal_number"), rs.getString("reason"), rs.getString("by_name"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    Map<UUID, Instant> lastChecked(Collection<UUID> bagIds) {
        Map<UUID, Instant> last = new LinkedHashMap<>();
        if (bagIds.isEmpty()) {
            return last;
        }
        jdbc.sql("select bag_id, max(at) as at from grab_bag_check where bag_id in (:ids) group by bag_id")
                .param("ids", bagIds)
                .query((rs, n) -> last.put(rs.getObject("bag_id", UUID.class), rs.getTimestamp("at").toInstant()))
                .list();
        return last;
    }

    // items ---------------------------------------------------------------------------------------------------------

    List<Item> items(UUID bagId) {
        return jdbc.sql(ITEM + " where i.bag_id = ? order by lower(i.medicine), i.expiry_date, i.batch, i.id")
                .param(bagId).query(GrabBagRepository::item).list();
    }

    List<Item> itemsOfBags(Collection<UUID> bagIds) {
        if (bagIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ITEM + " where i.bag_id in (:ids) order by lower(i.medicine), i.expiry_date, i.id")
                .param("ids", bagIds).query(GrabBagRepository::item).list();
    }

    Optional<Item> findItem(UUID itemId) {
        return jdbc.sql(ITEM + " where i.id = ?").param(itemId).query(GrabBagRepository::item).optional();
    }

    Optional<Item> findItem(UUID bagId, UUID formularyEntryId, String batch, LocalDate expiry) {
        return jdbc.sql(ITEM + " where i.bag_id = ? and i.formulary_entry_id = ? and i.batch = ? and i.expiry_date = ?")
                .params(bagId, formularyEntryId, batch, expiry).query(GrabBagRepository::item).optional();
    }

    void insertItem(Item item, Instant at) {
        jdbc.sql("""
                insert into grab_bag_item (id, bag_id, formulary_entry_id, medicine, controlled_drug, batch,
                    expiry_date, quantity, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.id(), item.bagId(), item.formularyEntryId(), item.medicine(), item.controlledDrug(),
                        item.batch(), item.expiry(), item.quantity(), Timestamp.from(at))
                .update();
    }

    void setQuantity(UUID itemId, BigDecimal quantity) {
        jdbc.sql("update grab_bag_item set quantity = ? where id = ?").params(quantity, itemId).update();
    }

    /** Items of the medicine in the organisation's bags, not expired on {@code today}, quantity above zero, nearest expiry first. */
    List<Item> usable(OrganisationId organisation, UUID formularyEntryId, LocalDate today) {
        return jdbc.sql(ITEM + """
                 where b.organisation_id = ? and i.formulary_entry_id = ? and i.expiry_date >= ? and i.quantity > 0
                 order by i.expiry_date, lower(b.label), i.id""")
                .params(organisation.value(), formularyEntryId, today).query(GrabBagRepository::item).list();
    }

    /** Items in the organisation's bags with stock expiring on or before {@code until}, nearest expiry first. */
    List<Item> expiringBy(OrganisationId organisation, LocalDate until) {
        return jdbc.sql(ITEM + """
                 where b.organisation_id = ? and i.expiry_date <= ? and i.quantity > 0
                 order by i.expiry_date, lower(b.label), lower(i.medicine), i.id""")
                .params(organisation.value(), until).query(GrabBagRepository::item).list();
    }

    // movements -----------------------------------------------------------------------------------------------------

    void insertMovement(Movement m) {
        jdbc.sql("""
                insert into stock_movement (id, bag_id, item_id, organisation_id, kind, quantity_change,
                    quantity_after, patient_id, reason, check_id, by_username, by_name, witness_username,
                    witness_name, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.bagId(), m.itemId(), m.organisationId().value(), m.kind().name(), m.change(),
                        m.after(), m.patientId() == null ? null : m.patientId().value(), m.reason(), m.checkId(),
                        m.by().username(), m.by().name(), m.witness() == null ? null : m.witness().username(),
                        m.witness() == null ? null : m.witness().name(), Timestamp.from(m.at()))
                .update();
    }

    List<StockMovement> movements(UUID bagId) {
        return jdbc.sql("""
                select m.*, i.medicine, i.batch from stock_movement m join grab_bag_item i on i.id = m.item_id
                where m.bag_id = ? order by m.at desc, m.id""")
                .param(bagId)
                .query((rs, n) -> new StockMovement(rs.getObject("id", UUID.class),
                        rs.getObject("item_id", UUID.class), rs.getString("medicine"), rs.getString("batch"),
                        StockMovementKind.valueOf(rs.getString("kind")), rs.getBigDecimal("quantity_change"),
                        rs.getBigDecimal("quantity_after"), patient(rs), rs.getString("reason"),
                        rs.getString("by_name"), rs.getString("witness_name"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    // checks --------------------------------------------------------------------------------------------------------

    void insertCheck(UUID id, UUID bagId, String sealFound, boolean intact, String note, Actor by, Instant at) {
        jdbc.sql("""
                insert into grab_bag_check (id, bag_id, seal_found, seal_intact, note, by_username, by_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, bagId, sealFound, intact, note, by.username(), by.name(), Timestamp.from(at)).update();
    }

    void insertCount(UUID checkId, UUID itemId, BigDecimal book, BigDecimal counted, String reason) {
        jdbc.sql("insert into grab_bag_check_count (check_id, item_id, book, counted, reason) values (?, ?, ?, ?, ?)")
                .params(checkId, itemId, book, counted, reason).update();
    }

    List<GrabBagCheck> checks(UUID bagId) {
        Map<UUID, List<GrabBagCheck.Count>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select c.*, i.medicine, i.batch from grab_bag_check_count c join grab_bag_item i on i.id = c.item_id
                where i.bag_id = ? order by lower(i.medicine), i.expiry_date, i.id""")
                .param(bagId)
                .query((rs, n) -> counts.computeIfAbsent(rs.getObject("check_id", UUID.class), k -> new ArrayList<>())
                        .add(new GrabBagCheck.Count(rs.getObject("item_id", UUID.class), rs.getString("medicine"),
                                rs.getString("batch"), rs.getBigDecimal("book"), rs.getBigDecimal("counted"),
                                rs.getString("reason"))))
                .list();
        return jdbc.sql("select * from grab_bag_check where bag_id = ? order by at desc, id").param(bagId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new GrabBagCheck(id, rs.getString("seal_found"), rs.getBoolean("seal_intact"),
                            rs.getString("note"), rs.getString("by_name"), rs.getTimestamp("at").toInstant(),
                            List.copyOf(counts.getOrDefault(id, List.of())));
                })
                .list();
    }

    // controlled drugs register -------------------------------------------------------------------------------------

    /** The last entry's number and balance for the bag and medicine; none when the register has no entry yet. */
    Optional<RegisterRow> lastEntry(UUID bagId, UUID formularyEntryId) {
        return jdbc.sql("select * from controlled_drug_register_entry where bag_id = ? and formulary_entry_id = ? "
                        + "order by seq desc limit 1")
                .params(bagId, formularyEntryId).query(GrabBagRepository::register).optional();
    }

    void insertEntry(RegisterRow r) {
        jdbc.sql("""
                insert into controlled_drug_register_entry (id, organisation_id, bag_id, formulary_entry_id, medicine,
                    seq, kind, quantity_change, balance_after, counted, discrepancy, item_id, batch, patient_id,
                    movement_id, reason, by_username, by_name, witness_username, witness_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.organisationId().value(), r.bagId(), r.formularyEntryId(), r.medicine(), r.seq(),
                        r.kind().name(), r.change(), r.balanceAfter(), r.counted(), r.discrepancy(), r.itemId(),
                        r.batch(), r.patientId() == null ? null : r.patientId().value(), r.movementId(), r.reason(),
                        r.by().username(), r.by().name(), r.witness() == null ? null : r.witness().username(),
                        r.witness() == null ? null : r.witness().name(), Timestamp.from(r.at()))
                .update();
    }

    /** The organisation's register, optionally of one medicine and one bag, in order (bag, medicine, entry number). */
    List<RegisterRow> register(OrganisationId organisation, UUID formularyEntryId, UUID bagId) {
        return jdbc.sql("""
                select r.* from controlled_drug_register_entry r join grab_bag b on b.id = r.bag_id
                where r.organisation_id = :org
                  and (cast(:entry as uuid) is null or r.formulary_entry_id = :entry)
                  and (cast(:bag as uuid) is null or r.bag_id = :bag)
                order by lower(r.medicine), lower(b.label), r.bag_id, r.seq""")
                .param("org", organisation.value()).param("entry", formularyEntryId).param("bag", bagId)
                .query(GrabBagRepository::register).list();
    }

    // mapping -------------------------------------------------------------------------------------------------------

    private static Bag bag(ResultSet rs, int n) throws SQLException {
        return new Bag(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("label"), rs.getString("kept_at"), rs.getString("seal_number"),
                rs.getBoolean("sealed"));
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getObject("id", UUID.class), rs.getObject("bag_id", UUID.class),
                rs.getString("bag_label"), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getObject("formulary_entry_id", UUID.class), rs.getString("medicine"),
                rs.getBoolean("controlled_drug"), rs.getString("batch"), rs.getObject("expiry_date", LocalDate.class),
                rs.getBigDecimal("quantity"));
    }

    private static RegisterRow register(ResultSet rs, int n) throws SQLException {
        String witness = rs.getString("witness_username");
        return new RegisterRow(rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getObject("bag_id", UUID.class),
                rs.getObject("formulary_entry_id", UUID.class), rs.getString("medicine"), rs.getInt("seq"),
                ControlledDrugEntryKind.valueOf(rs.getString("kind")), rs.getBigDecimal("quantity_change"),
                rs.getBigDecimal("balance_after"), rs.getBigDecimal("counted"), rs.getBoolean("discrepancy"),
                rs.getObject("item_id", UUID.class), rs.getString("batch"), patient(rs),
                rs.getObject("movement_id", UUID.class), rs.getString("reason"),
                new Actor(rs.getString("by_username"), rs.getString("by_name")),
                witness == null ? null : new Actor(witness, rs.getString("witness_name")),
                rs.getTimestamp("at").toInstant());
    }

    private static PatientId patient(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("patient_id", UUID.class);
        return id == null ? null : new PatientId(id);
    }
}
