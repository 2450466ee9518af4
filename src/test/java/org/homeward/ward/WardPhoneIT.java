package org.homeward.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A ward keeps the number patients and carers call in operating hours, required and checked like the out-of-hours one. */
@IntegrationTest
class WardPhoneIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser admin;
    Organisation host;

    @BeforeEach
    void anAdministrator() {
        host = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        admin = fixtures.user(Role.ADMIN, host);
    }

    private Map<String, Object> ward(String name) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "pathways", List.of("ADULT_FRAILTY"),
                "hostOrganisationId", host.id().toString(), "bedCapacity", 5, "opensAt", "08:00", "closesAt", "20:00",
                "outOfHoursContact", "On-call registrar", "outOfHoursPhone", "01632 960 999", "minAgeYears", 18,
                "maxAgeYears", 130));
        body.put("admissionCriteria", "Acutely unwell, safe at home");
        return body;
    }

    @Test
    void aWardIsOpenedWithItsInHoursNumberAndShowsIt() {
        Map<String, Object> body = ward(Fixtures.unique("Phone ward"));
        body.put("inHoursPhone", "01632 960 555");
        Response created = api.post(admin, "/api/v1/wards", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("inHoursPhone")).isEqualTo("01632 960 555");
        assertThat(api.get(admin, "/api/v1/wards/" + created.text("id")).text("inHoursPhone")).isEqualTo("01632 960 555");
    }

    @Test
    void aWardWithoutAnInHoursNumberOrWithANonNumberIsRefusedNamingTheField() {
        String name = Fixtures.unique("No phone ward");
        Response missing = api.post(admin, "/api/v1/wards", ward(name));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("inHoursPhone");

        Map<String, Object> body = ward(name);
        body.put("inHoursPhone", "call the desk");
        Response notANumber = api.post(admin, "/api/v1/wards", body);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().toString()).contains("inHoursPhone").contains("must be a phone number");
        assertThat(jdbc.sql("select count(*) from virtual_ward where name = ?").param(name).query(Long.class).single())
                .isZero();
    }
}
