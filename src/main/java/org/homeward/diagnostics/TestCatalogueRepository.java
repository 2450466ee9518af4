package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The test catalogue: each test as it reads now (diagnostic_test) and every version of it (diagnostic_test_version,
 * append-only).
 */
@Repository
class TestCatalogueRepository {

    /** Each test as it reads now, with who saved that version, when and why. */
    static final String CURRENT = """
            select t.*, v.saved_by, v.saved_at, v.reason
            from diagnostic_test t
            join diagnostic_test_version v on v.code = t.code and v.version = t.version
            """;

    private final JdbcClient jdbc;

    TestCatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CatalogueTest> all() {
        return jdbc.sql(CURRENT + " order by t.listed_order, t.code").query(TestCatalogueRepository::test).list();
    }

    Optional<CatalogueTest> find(String code) {
        return jdbc.sql(CURRENT + " where t.code = ?").param(code).query(TestCatalogueRepository::test).optional();
    }

    /** The test as it reads now, its row locked so two changes are numbered one after the other. */
    Optional<CatalogueTest> lock(String code) {
        boolean exists = jdbc.sql("select code from diagnostic_test where code = ? for update").param(code)
                .query(String.class).optional().isPresent();
        return exists ? find(code) : Optional.empty();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from diagnostic_test where code = ?").param(code).query(Long.class)
                .single() > 0;
    }

    /** Whether another test (not {@code code}) has this name, in any case. */
    boolean nameTaken(String name, String code) {
        return jdbc.sql("select count(*) from diagnostic_test where lower(name) = lower(?) and code <> ?")
                .params(name, code).query(Long.class).single() > 0;
    }

    /** Every version of a test, first first; the panel as the test reads now (panels are not versioned). */
    List<CatalogueTest> versions(String code) {
        return jdbc.sql("""
                select v.*, t.panel_code, t.panel_name from diagnostic_test_version v
                join diagnostic_test t on t.code = v.code
                where v.code = ? order by v.version""").param(code).query(TestCatalogueRepository::test).list();
    }

    /** Adds a test at the end of the list (ordered on its own: in no panel). */
    void insert(CatalogueTest t) {
        jdbc.sql("""
                insert into diagnostic_test (code, name, kind, panel_code, panel_name, unit, adult_low, adult_high,
                    child_low, child_high, critical_low, critical_high, child_critical_low, child_critical_high, source,
                    listed_order, version)
                values (?, ?, ?, null, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    (select coalesce(max(listed_order), 0) + 10 from diagnostic_test), ?)""")
                .params(t.code(), t.name(), t.kind().name(), t.unit(), t.adultRange().low(), t.adultRange().high(),
                        t.childRange().low(), t.childRange().high(), t.criticalLow(), t.criticalHigh(),
                        t.childCriticalLow(), t.childCriticalHigh(), t.source(), t.version())
                .update();
    }

    /** Makes {@code t} the test's reading in force. */
    void update(CatalogueTest t) {
        jdbc.sql("""
                update diagnostic_test set name = ?, kind = ?, unit = ?, adult_low = ?, adult_high = ?, child_low = ?,
                    child_high = ?, critical_low = ?, critical_high = ?, child_critical_low = ?,
                    child_critical_high = ?, source = ?, version = ?
                where code = ?""")
                .params(t.name(), t.kind().name(), t.unit(), t.adultRange().low(), t.adultRange().high(),
                        t.childRange().low(), t.childRange().high(), t.criticalLow(), t.criticalHigh(),
                        t.childCriticalLow(), t.childCriticalHigh(), t.source(), t.version(), t.code())
                .update();
    }

    void insertVersion(CatalogueTest t, String username) {
        jdbc.sql("""
                insert into diagnostic_test_version (code, version, name, kind, unit, adult_low, adult_high, child_low,
                    child_high, critical_low, critical_high, child_critical_low, child_critical_high, source, saved_by,
                    saved_by_username, saved_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.code(), t.version(), t.name(), t.kind().name(), t.unit(), t.adultRange().low(),
                        t.adultRange().high(), t.childRange().low(), t.childRange().high(), t.criticalLow(),
                        t.criticalHigh(), t.childCriticalLow(), t.childCriticalHigh(), t.source(), t.savedBy(),
                        username, Timestamp.from(t.savedAt()), t.reason())
                .update();
    }

    static CatalogueTest test(ResultSet rs, int row) throws SQLException {
        Timestamp savedAt = rs.getTimestamp("saved_at");
        return new CatalogueTest(rs.getString("code"), rs.getString("name"), TestKind.valueOf(rs.getString("kind")),
                rs.getString("panel_code"), rs.getString("panel_name"), rs.getString("unit"),
                new ReferenceRange(number(rs, "adult_low"), number(rs, "adult_high")),
                new ReferenceRange(number(rs, "child_low"), number(rs, "child_high")),
                number(rs, "critical_low"), number(rs, "critical_high"), number(rs, "child_critical_low"),
                number(rs, "child_critical_high"), rs.getString("source"), rs.getInt("version"),
                rs.getString("saved_by"), savedAt == null ? null : savedAt.toInstant(), rs.getString("reason"));
    }

    private static BigDecimal number(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }
}
