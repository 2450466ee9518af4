package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.SecurityService;
import org.homeward.support.Fixtures;
import org.homeward.support.RealApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The zero-setup embedded PostgreSQL keeps its data in {@code homeward.data-dir}, so what was written before a
 * restart is there after it. Runs the real application twice in its own temporary folder; the shared test context
 * and its database are not touched.
 */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossARestart() {
        Organisation written;
        long migrationsApplied;
        UUID patientId = UUID.randomUUID();
        String nhsNumber = Fixtures.newNhsNumber();
        try (ConfigurableApplicationContext first = start()) {
            migrationsApplied = appliedMigrations(first);
            written = first.getBean(SecurityService.class)
                    .createOrganisation("RST" + Math.abs(Fixtures.unique("x").hashCode() % 100_000),
                            Fixtures.unique("Restart Community Trust"), OrganisationType.COMMUNITY_PROVIDER);
            first.getBean(JdbcClient.class).sql("""
                    insert into patient (id, nhs_number, given_name, family_name, date_of_birth, sex, ethnic_category,
                        address_line1, town, postcode, gp_practice_code, gp_practice_name, created_at)
                    values (?, ?, 'Grace', 'Hopper', date '1936-12-09', 'FEMALE', 'A', '1 Quay Street', 'Weymouth',
                        'DT4 8AA', 'J81012', 'Weymouth Health Centre', now())""")
                    .params(patientId, nhsNumber).update();
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).isRegularFile();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(SecurityService.class).organisation(written.id())).isEqualTo(written);
            assertThat(second.getBean(JdbcClient.class).sql("select nhs_number, family_name from patient where id = ?")
                    .param(patientId).query().singleRow())
                    .containsEntry("nhs_number", nhsNumber).containsEntry("family_name", "Hopper");
            assertThat(appliedMigrations(second)).as("migrations applied once, not again on restart")
                    .isEqualTo(migrationsApplied).isPositive();
        }
    }

    private static long appliedMigrations(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("select count(*) from flyway_schema_history where success")
                .query(Long.class).single();
    }

    private ConfigurableApplicationContext start() {
        return RealApplication.start(dataDir, null);
    }
}
