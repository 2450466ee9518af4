package org.homeward.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The on-call rota over HTTP: a coordinator puts their own staff on call; who is on call now is listed. */
@IntegrationTest
class OnCallRotaIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired RotaService rota;

    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser otherOrganisationsNurse;
    VirtualWard ward;
    Organisation coordinatorsOrganisation;

    @BeforeEach
    void aWardAndTwoOrganisations() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        coordinatorsOrganisation = community;
        coordinator = fixtures.user(Role.COORDINATOR, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        otherOrganisationsNurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        ward = fixtures.ward(community, 5);
    }

    @Test
    void aCoordinatorPutsTheirOwnNurseOnCallAndSheIsListedAsOnCallNow() {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Api.Response added = api.post(coordinator, "/api/v1/on-call", entry(nurse.username(), from, from.plus(12, ChronoUnit.HOURS)));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("tier")).isEqualTo("OUT_OF_HOURS_CONTACT");

        assertThat(rota.onCall(ward.id(), OnCallTier.OUT_OF_HOURS_CONTACT, Instant.now()))
                .extracting(OnCall::userId).containsExactly(nurse.id());
        assertThat(api.get(nurse, "/api/v1/on-call").body().findValuesAsText("userName")).contains(nurse.displayName());
    }

    @Test
    void refusesAPersonOfAnotherOrganisationNamingTheField() {
        Instant from = Instant.now();
        Api.Response refused = api.post(coordinator, "/api/v1/on-call",
                entry(otherOrganisationsNurse.username(), from, from.plus(1, ChronoUnit.HOURS)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("username");
        assertThat(rota.onCall(ward.id(), OnCallTier.OUT_OF_HOURS_CONTACT, from.plusSeconds(60))).isEmpty();
    }

    @Test
    void refusesAnEntryForAWardTheCoordinatorsOrganisationDoesNotShareTheCareOf() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard acuteOnly = fixtures.ward(acute, 5);
        Instant from = Instant.now();
        Api.Response refused = api.post(coordinator, "/api/v1/on-call", Map.of("wardId", acuteOnly.id().toString(),
                "tier", "WARD_TEAM", "username", nurse.username(), "startsAt", from.toString(),
                "endsAt", from.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("wardId");
        assertThat(rota.onCall(acuteOnly.id(), OnCallTier.WARD_TEAM, from.plusSeconds(60))).isEmpty();

        VirtualWard visited = fixtures.ward(acute, 5, java.util.List.of(coordinatorsOrganisation));
        assertThat(api.post(coordinator, "/api/v1/on-call", Map.of("wardId", visited.id().toString(),
                "tier", "WARD_TEAM", "username", nurse.username(), "startsAt", from.toString(),
                "endsAt", from.plus(1, ChronoUnit.HOURS).toString())).status())
                .as("a ward the community team visits").isEqualTo(201);
    }

    @Test
    void refusesAnEntryThatEndsBeforeItStartsAndANurseAddingToTheRota() {
        Instant from = Instant.now();
        assertThat(api.post(coordinator, "/api/v1/on-call", entry(nurse.username(), from, from.minusSeconds(60)))
                .body().path("errors").get(0).path("field").asText()).isEqualTo("endsAt");
        assertThat(api.post(nurse, "/api/v1/on-call", entry(nurse.username(), from, from.plusSeconds(3600))).status())
                .isEqualTo(403);
    }

    private Map<String, Object> entry(String username, Instant from, Instant to) {
        return Map.of("wardId", ward.id().toString(), "tier", "OUT_OF_HOURS_CONTACT", "username", username,
                "startsAt", from.toString(), "endsAt", to.toString());
    }
}
