package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.homeward.support.IntegrationTest;
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

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    @Test
    void ordersFollowTheScenariosAndEveryResultIsAcknowledged() {
        List<String> statuses = jdbc.sql("select distinct status from test_order").query(String.class).list();
        assertThat(statuses).contains("ORDERED", "SENT_TO_LAB", "RESULTED");
        assertThat(jdbc.sql("select count(*) from test_order where point_of_care").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("""
                select count(*) from test_order o join test_order_item i on i.order_id = o.id
                where i.test_code = 'URINE_CULTURE'""").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from test_result").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from test_result r
                where not exists (select 1 from test_result_acknowledgement a where a.result_id = r.id)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from test_result where flag like 'CRITICAL%'").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from task where origin = 'RESULT' and status = 'OPEN'")
                .query(Long.class).single()).isZero();
        Map<String, Object> sample = jdbc.sql("""
                select sample_taken_by_username, sample_at_home_visit, sample_transport from test_order
                where status = 'SENT_TO_LAB' limit 1""").query().singleRow();
        assertThat((String) sample.get("sample_taken_by_username")).matches("nurse3?");
        assertThat(sample.get("sample_at_home_visit")).isEqualTo(true);
        assertThat(sample.get("sample_transport")).isEqualTo("COURIER");
    }
}
