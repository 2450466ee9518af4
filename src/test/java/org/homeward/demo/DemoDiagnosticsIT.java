package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.WardService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's tests and results follow its scenarios: orders awaiting a sample, samples sent to the lab, results filed
 * and acknowledged (their tasks done), a point-of-care CRP for a chest exacerbation; none critical.
 */
@IntegrationTest
class DemoDiagnosticsIT {

    @Autowired DemoLoader loader;
    @Autowired JdbcClient jdbc;
    @Autowired WardService wards;

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    @Test
    void ordersFollowTheScenariosAndEveryResultIsAcknowledged() {
        UUID[] demo = demoPatients();
        assertThat(demo).isNotEmpty();
        List<String> statuses = jdbc.sql("select distinct status from test_order where patient_id = any(?)")
                .param(demo).query(String.class).list();
        assertThat(statuses).contains("ORDERED", "SENT_TO_LAB", "RESULTED");
        assertThat(count("select count(*) from test_order where point_of_care and patient_id = any(?)", demo))
                .isPositive();
        assertThat(count("""
                select count(*) from test_order o join test_order_item i on i.order_id = o.id
                where i.test_code = 'URINE_CULTURE' and o.patient_id = any(?)""", demo)).isPositive();
        assertThat(count("select count(*) from test_result where patient_id = any(?)", demo)).isPositive();
        assertThat(count("""
                select count(*) from test_result r where r.patient_id = any(?)
                and not exists (select 1 from test_result_acknowledgement a where a.result_id = r.id)""", demo))
                .isZero();
        assertThat(count("select count(*) from test_result where flag like 'CRITICAL%' and patient_id = any(?)",
                demo)).isZero();
        assertThat(count("select count(*) from task where origin = 'RESULT' and status = 'OPEN' and patient_id = any(?)",
                demo)).isZero();
        Map<String, Object> sample = jdbc.sql("""
                select sample_taken_by_username, sample_at_home_visit, sample_transport from test_order
                where status = 'SENT_TO_LAB' and patient_id = any(?) limit 1""").param(demo).query().singleRow();
        assertThat((String) sample.get("sample_taken_by_username")).matches("nurse3?");
        assertThat(sample.get("sample_at_home_visit")).isEqualTo(true);
        assertThat(sample.get("sample_transport")).isEqualTo("COURIER");
    }

    /**
     * The patients of the demo's own wards: the test database is shared, and other tests file unacknowledged and
     * critical results of their own.
     */
    private UUID[] demoPatients() {
        List<String> names = List.of(DemoWard.values()).stream().map(DemoWard::displayName).toList();
        UUID[] demoWards = wards.wards().stream().filter(w -> names.contains(w.name()))
                .map(w -> w.id().value()).toArray(UUID[]::new);
        return jdbc.sql("select distinct patient_id from admission where ward_id = any(?)").param(demoWards)
                .query(UUID.class).list().toArray(UUID[]::new);
    }

    private long count(String sql, UUID[] patients) {
        return jdbc.sql(sql).param(patients).query(Long.class).single();
    }
}
