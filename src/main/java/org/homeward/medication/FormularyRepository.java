package org.homeward.medication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Formulary entries and their versions (append-only); an entry reads as its newest version. */
@Repository
class FormularyRepository {

    private static final String CURRENT = """
            select e.id, v.*
            from formulary_entry e
            join lateral (select * from formulary_entry_version v where v.entry_id = e.id
                          order by v.version desc limit 1) v on true
            """;

    private final JdbcClient jdbc;

    FormularyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, Instant at) {
        jdbc.sql("insert into formulary_entry (id, created_at) values (?, ?)").params(id, Timestamp.from(at)).update();
    }

    /** Locks the entry until the transaction ends, so two changes are numbered one after the other. */
    boolean lock(UUID id) {
        return jdbc.sql("select id from formulary_entry where id = ? for update").param(id).query(UUID.class)
                .optional().isPresent();
    }

    void insertVersion(FormularyEntry e, String savedByUsername) {
        jdbc.sql("""
                insert into formulary_entry_version (entry_id, version, name, form, strength, routes, dose_unit,
                    adult_dose_min, adult_dose_max, child_dose_per_kg_min_mg, child_dose_per_kg_max_mg, child_max_dose,
                    time_critical, second_checker, controlled_drug, antimicrobial, substance_class, dmd_code,
                    dmd_source, dose_source, saved_by, saved_by_name, saved_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.version(), e.name(), e.form(), e.strength(),
                        e.routes().stream().map(Route::name).sorted().collect(Collectors.joining(",")),
                        e.doseUnit().name(), e.adultDoseMin(), e.adultDoseMax(), e.childDosePerKgMinMg(),
                        e.childDosePerKgMaxMg(), e.childMaxDose(), e.timeCritical(), e.secondChecker(),
                        e.controlledDrug(), e.antimicrobial(),
                        e.substanceClass() == null ? null : e.substanceClass().name(), e.dmdCode(), e.dmdSource(),
                        e.doseSource(), savedByUsername, e.savedBy(), Timestamp.from(e.savedAt()), e.reason())
                .update();
    }

    Optional<FormularyEntry> find(UUID id) {
        return jdbc.sql(CURRENT + " where e.id = ?").param(id).query(FormularyRepository::entry).optional();
    }

    List<FormularyEntry> all() {
        return jdbc.sql(CURRENT + " order by lower(v.name), v.strength, e.id").query(FormularyRepository::entry).list();
    }

    List<FormularyEntry> versions(UUID id) {
        return jdbc.sql("select e.id, v.* from formulary_entry e join formulary_entry_version v on v.entry_id = e.id "
                        + "where e.id = ? order by v.version")
                .param(id).query(FormularyRepository::entry).list();
    }

    boolean nameTaken(String name, String strength, String form, UUID except) {
        return jdbc.sql(CURRENT + " where lower(v.name) = lower(?) and lower(v.strength) = lower(?) "
                        + "and lower(v.form) = lower(?) and e.id <> ?")
                .params(name, strength, form, except == null ? new UUID(0, 0) : except)
                .query(FormularyRepository::entry).optional().isPresent();
    }

    private static FormularyEntry entry(ResultSet rs, int row) throws SQLException {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        Arrays.stream(rs.getString("routes").split(",")).filter(s -> !s.isBlank()).map(Route::valueOf)
                .forEach(routes::add);
        String cls = rs.getString("substance_class");
        return new FormularyEntry(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("name"),
                rs.getString("form"), rs.getString("strength"), routes, DoseUnit.valueOf(rs.getString("dose_unit")),
                rs.getBigDecimal("adult_dose_min"), rs.getBigDecimal("adult_dose_max"),
                rs.getBigDecimal("child_dose_per_kg_min_mg"), rs.getBigDecimal("child_dose_per_kg_max_mg"),
                rs.getBigDecimal("child_max_dose"), rs.getBoolean("time_critical"), rs.getBoolean("second_checker"),
                rs.getBoolean("controlled_drug"), rs.getBoolean("antimicrobial"),
                cls == null ? null : SubstanceClass.valueOf(cls), rs.getString("dmd_code"),
                rs.getString("dmd_source"), rs.getString("dose_source"), rs.getString("saved_by_name"),
                rs.getTimestamp("saved_at").toInstant(), rs.getString("reason"));
    }
}
