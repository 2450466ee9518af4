package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.homeward.careplan.ResuscitationStatus;
import org.homeward.careplan.SupportPlanService;
import org.homeward.shared.PatientId;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's care and support plans: the community nurse's plans for some adults admitted now, and one patient in the
 * last weeks of life with a DNACPR decision and a ReSPECT form prioritising comfort, as the banner and alerts show them.
 */
@IntegrationTest
class DemoSupportPlansIT {

    @Autowired DemoLoader loader;
    @Autowired JdbcClient jdbc;
    @Autowired SupportPlanService plans;

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    @Test
    void someAdultsHavePlansAndOneEndOfLifePatientHasDnacprAndReSpect() {
        assertThat(jdbc.sql("select count(distinct patient_id) from care_support_plan_version where changed_by = 'nurse'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(20);
        List<UUID> endOfLife = jdbc.sql("""
                select patient_id from care_support_plan_version where changed_by = 'consultant'
                and advance_care_plan -> 'dnacpr' ->> 'inPlace' = 'true'""").query(UUID.class).list();
        assertThat(endOfLife).hasSize(1);
        ResuscitationStatus status = plans.resuscitationStatus(new PatientId(endOfLife.get(0))).orElseThrow();
        assertThat(status.words()).startsWith("DNACPR (Dr Helen Okafor, ")
                .contains("ReSPECT: prioritise comfort, CPR not recommended");
        assertThat(status.lastWeeksOfLife()).isTrue();
    }
}
