package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's medicines reconciliations, read back for the demo's own wards: one per admission, most verified within
 * 24 hours of admission by the pharmacist, a few recent ones in progress or not started, exactly one current patient
 * overdue; the heart failure ward's ramipril discrepancy settled by changing it; each verified one's task done.
 */
@IntegrationTest
class DemoReconciliationsIT {

    @Autowired DemoLoader loader;
    @Autowired WardService wards;
    @Autowired JdbcClient jdbc;

    DemoPlan plan;

    @BeforeEach
    void loadOnce() {
        plan = DemoLoadedOnce.load(loader).plan();
    }

    @Test
    void mostAreVerifiedWithin24HoursAFewAreInProgressAndOneIsOverdue() {
        UUID[] demoWards = List.of(DemoWard.values()).stream().map(this::wardId).toArray(UUID[]::new);
        List<Map<String, Object>> rows = jdbc.sql("""
                select r.status, r.due_at, r.verified_at, r.verified_by_username, a.discharged_at, t.status as task
                from medicines_reconciliation r join admission a on a.id = r.admission_id
                left join task t on t.id = r.task_id
                where a.ward_id = any(?)""").param(demoWards).query().listOfRows();
        long admissions = jdbc.sql("select count(*) from admission where ward_id = any(?)").param(demoWards)
                .query(Long.class).single();
        assertThat(rows).as("one per admission").hasSize((int) admissions);

        List<Map<String, Object>> verified = rows.stream().filter(r -> "VERIFIED".equals(r.get("status"))).toList();
        assertThat(verified.size()).as("most verified").isGreaterThan(rows.size() * 3 / 4);
        assertThat(verified).allSatisfy(r -> {
            assertThat(instant(r, "verified_at")).isBefore(instant(r, "due_at"));
            assertThat(r.get("verified_by_username")).isEqualTo("pharmacist");
            assertThat(r.get("task")).isEqualTo("DONE");
        });
        Instant now = plan.now().toInstant();
        List<Map<String, Object>> open = rows.stream().filter(r -> r.get("discharged_at") == null
                && !"VERIFIED".equals(r.get("status"))).toList();
        assertThat(open).as("a few current patients in progress").isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("status")).isIn("NOT_STARTED", "IN_PROGRESS"));
        assertThat(open.stream().filter(r -> instant(r, "due_at").isBefore(now.minus(Duration.ofMinutes(5)))))
                .as("exactly one overdue").hasSize(1);

        assertThat(jdbc.sql("""
                select count(*) from medicines_reconciliation_decision d
                join medicines_reconciliation r on r.id = d.reconciliation_id
                join admission a on a.id = r.admission_id
                where a.ward_id = ? and d.decision = 'CHANGED' and d.new_frequency = 'Once a day'""")
                .param(wardId(DemoWard.HEART_FAILURE)).query(Long.class).single()).isPositive();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((java.sql.Timestamp) row.get(column)).toInstant();
    }

    private UUID wardId(DemoWard ward) {
        return wards.wards().stream().filter(w -> w.name().equals(ward.displayName())).map(VirtualWard::id)
                .findFirst().orElseThrow().value();
    }

    @Test
    void everyDemoDischargeHasItsDischargeMedicinesRecordAndOneIsAddressedToAPharmacy() {
        UUID[] demoWards = List.of(DemoWard.values()).stream().map(this::wardId).toArray(UUID[]::new);
        long discharged = jdbc.sql("select count(*) from admission where ward_id = any(?) and discharged_at is not null")
                .param(demoWards).query(Long.class).single();
        long records = jdbc.sql("""
                select count(*) from discharge_medicines d join admission a on a.id = d.admission_id
                where a.ward_id = any(?)""").param(demoWards).query(Long.class).single();
        assertThat(discharged).isPositive();
        assertThat(records).as("one fixed at each discharge").isEqualTo(discharged);
        List<Map<String, Object>> addressed = jdbc.sql("""
                select d.id, d.gp_practice_code from discharge_medicines d join admission a on a.id = d.admission_id
                where a.ward_id = any(?) and d.pharmacy_ods_code = 'FHP14'""").param(demoWards).query().listOfRows();
        assertThat(addressed).singleElement().satisfies(r -> assertThat(r.get("gp_practice_code")).isNotNull());
        assertThat(jdbc.sql("""
                select kind from discharge_medicine_change where record_id = ? order by position""")
                .param(addressed.get(0).get("id")).query(String.class).list())
                .as("heart failure: furosemide withheld, ramipril changed, bisoprolol continued")
                .containsExactly("WITHHELD", "CHANGED", "CONTINUED");
    }
}
