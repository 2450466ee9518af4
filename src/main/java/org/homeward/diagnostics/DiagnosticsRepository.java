package org.homeward.diagnostics;

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
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue, orders with their items, and results with their acknowledgements (both append-only). */
@Repository
class DiagnosticsRepository {

    private static final String RESULTS = """
            select r.*, t.name as test_name, a.acknowledged_by, a.acknowledged_by_username, a.acknowledged_at, a.note,
                   not exists (select 1 from test_result s where s.supersedes = r.id) as current
            from test_result r
            join diagnostic_test t on t.code = r.test_code
            left join test_result_acknowledgement a on a.result_id = r.id
            """;

    private final JdbcClient jdbc;

    DiagnosticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored order's own row, for the service's rules. */
    record StoredOrder(UUID id, PatientId patientId, OrderStatus status, boolean pointOfCare, String orderedByUsername,
            Instant sampleTakenAt, Instant dispatchedAt, UUID acknowledgementTaskId) {
    }

    List<CatalogueTest> catalogue() {
        return jdbc.sql(TestCatalogueRepository.CURRENT + " order by t.listed_order, t.code")
                .query(TestCatalogueRepository::test).list();
    }

    void insertOrder(UUID id, PatientId patient, OrderTests order, boolean pointOfCare, String byUsername,
            String byName, UUID byOrganisation, Instant at, OrderStatus status, List<String> codes) {
        jdbc.sql("""
                insert into test_order (id, patient_id, clinical_question, urgency, point_of_care, ordered_by_username,
                    ordered_by_name, ordered_by_organisation_id, ordered_at, status, patient_transport,
                    patient_transport_note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), order.clinicalQuestion(), order.urgency().name(), pointOfCare,
                        byUsername, byName, byOrganisation, Timestamp.from(at), status.name(),
                        order.patientTransport() == null ? null : order.patientTransport().name(),
                        order.patientTransportNote())
                .update();
        for (String code : codes) {
            jdbc.sql("insert into test_order_item (order_id, test_code) values (?, ?)").params(id, code).update();
        }
    }

    Optional<StoredOrder> lock(UUID id) {
        return jdbc.sql("""
                select id, patient_id, status, point_of_care, ordered_by_username, sample_taken_at,
                       sample_dispatched_at, acknowledgement_task_id
                from test_order where id = ? for update""")
                .param(id)
                .query((rs, row) -> new StoredOrder(rs.getObject("id", UUID.class),
                        new PatientId(rs.getObject("patient_id", UUID.class)), OrderStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("point_of_care"), rs.getString("ordered_by_username"),
                        instant(rs, "sample_taken_at"), instant(rs, "sample_dispatched_at"),
                        rs.getObject("acknowledgement_task_id", UUID.class)))
                .optional();
    }

    List<String> itemsOf(UUID orderId) {
        return jdbc.sql("select test_code from test_order_item where order_id = ?").param(orderId)
                .query(String.class).list();
    }

    void recordSample(UUID id, String takenBy, String takenByUsername, Instant takenAt, boolean atHomeVisit,
            VisitReference visit) {
        jdbc.sql("""
                update test_order set status = 'SAMPLE_TAKEN', sample_taken_by = ?, sample_taken_by_username = ?,
                    sample_taken_at = ?, sample_at_home_visit = ?, sample_labelled = true, sample_visit_date = ?,
                    sample_visit_id = ?
                where id = ?""")
                .params(takenBy, takenByUsername, Timestamp.from(takenAt), atHomeVisit,
                        visit == null ? null : visit.planDate(), visit == null ? null : visit.visitId(), id).update();
    }

    void recordTransport(UUID id, OrderStatus status, SampleTransport transport, Instant dispatchedAt,
            Instant receivedAt) {
        jdbc.sql("""
                update test_order set status = ?, sample_transport = ?, sample_dispatched_at = ?,
                    sample_received_at = ?
                where id = ?""")
                .params(status.name(), transport.name(), Timestamp.from(dispatchedAt),
                        receivedAt == null ? null : Timestamp.from(receivedAt), id).update();
    }

    void setStatus(UUID id, OrderStatus status) {
        jdbc.sql("update test_order set status = ? where id = ?").params(status.name(), id).update();
    }

    void cancel(UUID id, String by, Instant at, String reason) {
        jdbc.sql("""
                update test_order set status = 'CANCELLED', cancelled_by = ?, cancelled_at = ?, cancelled_reason = ?
                where id = ?""").params(by, Timestamp.from(at), reason, id).update();
    }

    void setAcknowledgementTask(UUID orderId, UUID taskId) {
        jdbc.sql("update test_order set acknowledgement_task_id = ? where id = ?").params(taskId, orderId).update();
    }

    void insertResult(UUID id, UUID orderId, PatientId patient, String testCode, BigDecimal value, String unit,
            String report, ReferenceRange range, ResultFlag flag, Instant resultedAt, ResultSource source,
            String enteredBy, String enteredByUsername, Instant enteredAt, UUID supersedes, String correctionReason,
            int catalogueVersion) {
        jdbc.sql("""
                insert into test_result (id, patient_id, order_id, test_code, value, unit, report, reference_low,
                    reference_high, flag, resulted_at, source, entered_by, entered_by_username, entered_at, supersedes,
                    correction_reason, catalogue_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), orderId, testCode, value, unit, report,
                        range == null ? null : range.low(), range == null ? null : range.high(), flag.name(),
                        Timestamp.from(resultedAt), source.name(), enteredBy, enteredByUsername,
                        Timestamp.from(enteredAt), supersedes, correctionReason, catalogueVersion)
                .update();
    }

    void insertAcknowledgement(UUID resultId, PatientId patient, String by, String byUsername, Instant at,
            String note) {
        jdbc.sql("""
                insert into test_result_acknowledgement (result_id, patient_id, acknowledged_by,
                    acknowledged_by_username, acknowledged_at, note)
                values (?, ?, ?, ?, ?, ?)""")
                .params(resultId, patient.value(), by, byUsername, Timestamp.from(at), note).update();
    }

    Optional<TestResultView> result(UUID id) {
        return jdbc.sql(RESULTS + " where r.id = ?").param(id).query(DiagnosticsRepository::result).optional();
    }

    List<TestResultView> resultsOfOrder(UUID orderId) {
        return jdbc.sql(RESULTS + " where r.order_id = ? order by r.entered_at, t.listed_order, r.id").param(orderId)
                .query(DiagnosticsRepository::result).list();
    }

    /** The patient's orders, newest first, each with its tests and every result: three queries. */
    List<TestOrderView> ordersOf(PatientId patient) {
        return orders("o.patient_id = ?", patient.value());
    }

    Optional<TestOrderView> order(UUID id) {
        return orders("o.id = ?", id).stream().findFirst();
    }

    /** The orders whose sample (or point-of-care test) was taken at this home visit of the patient. */
    List<TestOrderView> takenAtVisit(PatientId patient, VisitReference visit) {
        return orders("o.patient_id = ? and o.sample_visit_date = ? and o.sample_visit_id = ?", patient.value(),
                visit.planDate(), visit.visitId());
    }

    private List<TestOrderView> orders(String where, Object... params) {
        Map<UUID, List<OrderedTest>> tests = new LinkedHashMap<>();
        jdbc.sql("""
                select i.order_id, t.code, t.name, t.kind, t.unit from test_order_item i
                join test_order o on o.id = i.order_id join diagnostic_test t on t.code = i.test_code
                where """ + " " + where + " order by t.listed_order").params(params)
                .query((rs, row) -> tests.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                        .add(new OrderedTest(rs.getString("code"), rs.getString("name"),
                                TestKind.valueOf(rs.getString("kind")), rs.getString("unit"))))
                .list();
        Map<UUID, List<TestResultView>> results = new LinkedHashMap<>();
        jdbc.sql(RESULTS + " join test_order o on o.id = r.order_id where " + where + " order by r.entered_at, t.listed_order, r.id")
                .params(params).query(DiagnosticsRepository::result).list()
                .forEach(r -> results.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r));
        return jdbc.sql("select o.* from test_order o where " + where + " order by o.ordered_at desc, o.id")
                .params(params)
                .query((rs, row) -> order(rs, tests, results)).list();
    }

    /** For each of these patients: orders awaiting a result, results to acknowledge, and how many critical. */
    List<OutstandingResults> outstanding(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        UUID[] ids = patients.stream().map(PatientId::value).distinct().toArray(UUID[]::new);
        return jdbc.sql("""
                select p.id,
                    (select count(*) from test_order o where o.patient_id = p.id
                        and o.status in ('ORDERED', 'SAMPLE_TAKEN', 'SENT_TO_LAB')) as awaited,
                    count(r.id) as to_acknowledge,
                    count(r.id) filter (where r.flag like 'CRITICAL%') as critical
                from unnest(?::uuid[]) p(id)
                left join test_result r on r.patient_id = p.id
                    and not exists (select 1 from test_result s where s.supersedes = r.id)
                    and not exists (select 1 from test_result_acknowledgement a where a.result_id = r.id)
                group by p.id""")
                .param(ids)
                .query((rs, row) -> new OutstandingResults(new PatientId(rs.getObject("id", UUID.class)),
                        rs.getInt("awaited"), rs.getInt("to_acknowledge"), rs.getInt("critical")))
                .list();
    }

    private static TestOrderView order(ResultSet rs, Map<UUID, List<OrderedTest>> tests,
            Map<UUID, List<TestResultView>> results) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Instant takenAt = instant(rs, "sample_taken_at");
        String transport = rs.getString("sample_transport");
        SampleView sample = takenAt == null ? null : new SampleView(rs.getString("sample_taken_by"), takenAt,
                rs.getBoolean("sample_at_home_visit"), rs.getBoolean("sample_labelled"),
                transport == null ? null : SampleTransport.valueOf(transport), instant(rs, "sample_dispatched_at"),
                instant(rs, "sample_received_at"), rs.getString("sample_visit_id") == null ? null
                        : new VisitReference(rs.getObject("sample_visit_date", LocalDate.class),
                                rs.getString("sample_visit_id")));
        String patientTransport = rs.getString("patient_transport");
        return new TestOrderView(id, new PatientId(rs.getObject("patient_id", UUID.class)),
                tests.getOrDefault(id, List.of()), rs.getString("clinical_question"),
                Urgency.valueOf(rs.getString("urgency")), rs.getBoolean("point_of_care"),
                rs.getString("ordered_by_name"), rs.getString("ordered_by_username"), instant(rs, "ordered_at"),
                OrderStatus.valueOf(rs.getString("status")),
                patientTransport == null ? null : PatientTransport.valueOf(patientTransport),
                rs.getString("patient_transport_note"), sample, rs.getString("cancelled_by"),
                instant(rs, "cancelled_at"), rs.getString("cancelled_reason"), results.getOrDefault(id, List.of()));
    }

    private static TestResultView result(ResultSet rs, int row) throws SQLException {
        Instant acknowledgedAt = instant(rs, "acknowledged_at");
        return new TestResultView(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("test_code"),
                rs.getString("test_name"), rs.getBigDecimal("value"), rs.getString("unit"), rs.getString("report"),
                new ReferenceRange(rs.getBigDecimal("reference_low"), rs.getBigDecimal("reference_high")),
                ResultFlag.valueOf(rs.getString("flag")), instant(rs, "resulted_at"),
                ResultSource.valueOf(rs.getString("source")), rs.getString("entered_by"), instant(rs, "entered_at"),
                rs.getObject("supersedes", UUID.class), rs.getString("correction_reason"), rs.getBoolean("current"),
                acknowledgedAt == null ? null : new Acknowledgement(rs.getString("acknowledged_by"),
                        rs.getString("acknowledged_by_username"), acknowledgedAt, rs.getString("note")),
                rs.getInt("catalogue_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
