package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.homeward.referral.ReferralService;
import org.homeward.referral.WardCensus;
import org.homeward.referral.WardOccupancy;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.support.Api;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The demo service loads through the real services into the shared test database. That database already holds other
 * tests' data, so the start-up rule would refuse; the loader is called directly, once per JVM.
 */
@IntegrationTest
class DemoDataIT {

    @Autowired DemoLoader loader;
    @Autowired ReferralService referrals;
    @Autowired SecurityService security;
    @Autowired Api api;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    @Test
    void refreshesThePlannerStatisticsAfterTheBulkLoad() {
        // a manual ANALYZE (not autovacuum's) ran once the load had started
        assertThat(jdbc.sql("select last_analyze >= ? from pg_stat_user_tables where relname = 'patient'")
                .param(java.sql.Timestamp.from(DemoLoadedOnce.loadStarted())).query(Boolean.class).single()).isTrue();
    }

    @Test
    void opensTheThreeDemoWardsWith120Beds() {
        assertThat(demoWards().values()).extracting(WardOccupancy::capacity).containsExactlyInAnyOrder(60, 30, 30);
    }

    @Test
    void admitsTheCurrentPatientsWithinCapacity() {
        Map<String, WardOccupancy> wards = demoWards();
        assertThat(wards.get(DemoWard.FRAILTY_RESPIRATORY.displayName()).occupied()).isEqualTo(48);
        assertThat(wards.get(DemoWard.HEART_FAILURE.displayName()).occupied()).isEqualTo(24);
        assertThat(wards.get(DemoWard.CHILDREN.displayName()).occupied()).isEqualTo(18);
        assertThat(wards.values()).allSatisfy(w -> assertThat(w.occupied()).isLessThanOrEqualTo(w.capacity()));
        assertThat(wards.values()).extracting(WardOccupancy::awaitingTriage).containsExactlyInAnyOrder(3, 1, 2);
        assertThat(wards.values().stream().mapToInt(WardOccupancy::reachedFourteenDays).sum()).isPositive();
    }

    @Test
    void theConsultantSeesEveryPatientOnTheFrailtyWardCensus() {
        WardCensus census = referrals.census(demoUser("consultant"), wardId(DemoWard.FRAILTY_RESPIRATORY));
        assertThat(census.rows()).hasSize(48);
        assertThat(census.notShown()).isZero();
    }

    @Test
    void aDemoUserSignsInWithTheDemoPassword() {
        RestClient client = RestClient.builder().baseUrl(api.baseUrl()).build();
        JsonNode census = client.get().uri("/api/v1/census")
                .headers(h -> h.setBasicAuth("consultant", DemoLogins.PASSWORD))
                .retrieve().body(JsonNode.class);
        assertThat(census.path("capacity").asInt()).isGreaterThanOrEqualTo(120);
        HttpStatusCode wrongPassword = client.get().uri("/api/v1/census")
                .headers(h -> h.setBasicAuth("consultant", "not-the-password"))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(wrongPassword.value()).isEqualTo(401);
    }

    @Test
    void createsEveryDemoLoginAndTheVisitingTeam() {
        assertThat(DemoLoadedOnce.load(loader).plan().staff()).hasSizeGreaterThan(DemoLogins.all().size()).allSatisfy(login ->
                assertThat(security.findUserByUsername(login.username())).hasValueSatisfying(account -> {
                    assertThat(account.role()).isEqualTo(login.role());
                    assertThat(account.organisationName()).isEqualTo(login.organisation());
                }));
    }

    private Map<String, WardOccupancy> demoWards() {
        List<String> names = List.of(DemoWard.values()).stream().map(DemoWard::displayName).toList();
        return referrals.serviceCensus(demoUser("commissioner")).wards().stream()
                .filter(w -> names.contains(w.ward().name()))
                .collect(Collectors.toMap(w -> w.ward().name(), w -> w));
    }

    private org.homeward.shared.WardId wardId(DemoWard ward) {
        return referrals.serviceCensus(demoUser("commissioner")).wards().stream().map(WardOccupancy::ward)
                .filter(w -> w.name().equals(ward.displayName())).map(VirtualWard::id).findFirst().orElseThrow();
    }

    private CurrentUser demoUser(String username) {
        return CurrentUser.of(security.findUserByUsername(username).orElseThrow());
    }
}
