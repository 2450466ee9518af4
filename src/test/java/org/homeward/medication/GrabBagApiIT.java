package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grab bags, stock and the controlled drugs register through the API, as people of different organisations: the
 * community provider's pharmacist creates and restocks its bags, its nurses use from them (a controlled drug with a
 * second nurse as witness) and check them; the acute trust, the GP and an outsider get 404 for the provider's bags.
 * Every refusal writes nothing; the register's running balance is read row by row.
 */
@IntegrationTest
class GrabBagApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    Organisation acute;
    Organisation community;
    CurrentUser acutePharmacist;
    CurrentUser consultant;
    CurrentUser providerPharmacist;
    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser secondNurse;
    CurrentUser acuteNurse;
    CurrentUser gp;
    CurrentUser outsider;
    UUID patientId;
    UUID strangerId;
    UUID furosemide;
    UUID morphine;
    LocalDate today;

    @BeforeEach
    void aProviderWithABagAndAnAdmittedPatient() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        acutePharmacist = fixtures.user(Role.PHARMACIST, acute);
        acuteNurse = fixtures.user(Role.CLINICIAN, acute);
        providerPharmacist = fixtures.user(Role.PHARMACIST, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        secondNurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        Organisation elsewhere = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        outsider = fixtures.user(Role.CLINICIAN, elsewhere);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 3, 1), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id().value();
        CurrentUser otherReferrer = fixtures.user(Role.REFERRER, elsewhere);
        strangerId = fixtures.patient(otherReferrer, LocalDate.of(1960, 1, 1)).summary().id().value();
        furosemide = formularyEntry("Furosemide", false);
        morphine = formularyEntry("Morphine sulfate", true);
        today = LocalDate.now(ZoneId.of("Europe/London"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UUID formularyEntry(String name, boolean controlled) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("form", "solution for injection");
        body.put("strength", Fixtures.unique("ampoule "));
        body.put("routes", List.of("INTRAVENOUS"));
        body.put("doseUnit", "MG");
        body.put("adultDoseMin", 2);
        body.put("adultDoseMax", 80);
        body.put("controlledDrug", controlled);
        body.put("doseSource", "BNF");
        Response added = api.post(acutePharmacist, "/api/v1/formulary", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return UUID.fromString(added.text("id"));
    }

    UUID newBag(String seal) {
        Map<String, Object> body = new HashMap<>();
        body.put("label", Fixtures.unique("IV bag "));
        body.put("keptAt", "Dorchester base, drugs room");
        body.put("sealNumber", seal);
        Response made = api.post(providerPharmacist, "/api/v1/grab-bags", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return UUID.fromString(made.text("id"));
    }

    JsonNode restock(CurrentUser by, UUID bag, UUID medicine, String batch, LocalDate expiry, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("formularyEntryId", medicine);
        body.put("batch", batch);
        body.put("expiry", expiry.toString());
        body.put("quantity", quantity);
        body.put("reason", "Pharmacy order 1234");
        Response restocked = api.post(by, "/api/v1/grab-bags/" + bag + "/items", body);
        assertThat(restocked.status()).as(restocked.toString()).isEqualTo(201);
        return restocked.body();
    }

    static UUID itemId(JsonNode bag, String batch) {
        for (JsonNode item : bag.path("items")) {
            if (item.path("batch").asText().equals(batch)) {
                return UUID.fromString(item.path("id").asText());
            }
        }
        throw new AssertionError("no item of batch " + batch + " in " + bag);
    }

    Response use(CurrentUser by, UUID bag, UUID item, int quantity, String witness, UUID patient) {
        Map<String, Object> body = new HashMap<>();
        body.put("quantity", quantity);
        body.put("patientId", patient);
        body.put("witnessUsername", witness);
        body.put("purpose", "Dose at the morning visit");
        return api.post(by, "/api/v1/grab-bags/" + bag + "/items/" + item + "/uses", body);
    }

    int movements() {
        return jdbc.sql("select count(*) from stock_movement m join grab_bag b on b.id = m.bag_id "
                + "where b.organisation_id = ?").param(community.id().value()).query(Integer.class).single();
    }

    int registerEntries() {
        return jdbc.sql("select count(*) from controlled_drug_register_entry where organisation_id = ?")
                .param(community.id().value()).query(Integer.class).single();
    }

    static String field(Response refused) {
        return refused.body().path("errors").path(0).path("field").asText();
    }

    @Test
    void theProvidersPharmacistCreatesAndRestocksAndOnlyTheProviderSeesItsBags() {
        UUID bag = newBag("S-1001");
        JsonNode restocked = restock(providerPharmacist, bag, furosemide, "FU123", today.plusMonths(6), 10);
        assertThat(restocked.path("items").path(0).path("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(restocked.path("items").path(0).path("expiryStatus").asText()).isEqualTo("IN_DATE");
        assertThat(restocked.path("sealed").asBoolean()).as("restocking opens a sealed bag").isFalse();
        assertThat(restocked.path("movements").path(0).path("kind").asText()).isEqualTo("RECEIVED");
        assertThat(restocked.path("movements").path(0).path("by").asText()).isEqualTo(providerPharmacist.displayName());
        restock(coordinator, bag, furosemide, "FU124", today.plusMonths(8), 4);

        Response seen = api.get(nurse, "/api/v1/grab-bags/" + bag);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().path("items")).hasSize(2);
        assertThat(api.get(nurse, "/api/v1/grab-bags").body().findValuesAsText("id")).contains(bag.toString());

        for (CurrentUser other : List.of(consultant, acutePharmacist, acuteNurse, gp, outsider)) {
            assertThat(api.get(other, "/api/v1/grab-bags/" + bag).status()).as(other.username()).isEqualTo(404);
            assertThat(api.get(other, "/api/v1/grab-bags").body().findValuesAsText("id")).as(other.username())
                    .doesNotContain(bag.toString());
        }
        assertThat(api.post(acutePharmacist, "/api/v1/grab-bags/" + bag + "/items", Map.of("formularyEntryId",
                furosemide, "batch", "X", "expiry", today.plusMonths(1).toString(), "quantity", 1)).status())
                .as("the acute trust's pharmacist may not restock the provider's bag").isEqualTo(404);
        assertThat(api.post(nurse, "/api/v1/grab-bags", Map.of("label", "Nurse's bag", "keptAt", "Car")).status())
                .as("a nurse uses bags but does not create them").isEqualTo(403);
        Response duplicate = api.post(coordinator, "/api/v1/grab-bags", Map.of("label",
                seen.body().path("label").asText().toUpperCase(), "keptAt", "Poole"));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void aNurseUsesFromABagForAPatientAndTheOthersCannot() {
        UUID bag = newBag("S-2001");
        UUID item = itemId(restock(providerPharmacist, bag, furosemide, "FU200", today.plusMonths(3), 5), "FU200");
        api.post(nurse, "/api/v1/grab-bags/" + bag + "/seal", Map.of("sealNumber", "S-2002"));

        Response used = use(nurse, bag, item, 2, null, patientId);
        assertThat(used.status()).as(used.toString()).isEqualTo(201);
        assertThat(used.body().path("quantityLeft").decimalValue()).isEqualByComparingTo("3");
        assertThat(used.text("batch")).isEqualTo("FU200");
        assertThat(used.text("bagId")).isEqualTo(bag.toString());
        JsonNode after = api.get(nurse, "/api/v1/grab-bags/" + bag).body();
        assertThat(after.path("sealed").asBoolean()).as("a use opens the bag").isFalse();
        assertThat(after.path("movements").path(0).path("kind").asText()).isEqualTo("USED");
        assertThat(after.path("movements").path(0).path("patientId").asText()).isEqualTo(patientId.toString());
        assertThat(after.path("movements").path(0).path("reason").asText()).isEqualTo("Dose at the morning visit");
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and record_type = 'StockMovement' "
                + "and patient_id = ?").params(nurse.username(), patientId).query(Integer.class).single())
                .as("the use is audited on the patient's record").isEqualTo(1);

        int before = movements();
        assertThat(use(consultant, bag, item, 1, null, patientId).status()).as("acute trust").isEqualTo(404);
        assertThat(use(outsider, bag, item, 1, null, patientId).status()).as("outsider").isEqualTo(404);
        assertThat(use(gp, bag, item, 1, null, patientId).status()).as("GP").isEqualTo(404);
        assertThat(use(coordinator, bag, item, 1, null, patientId).status()).as("coordinator does not give doses")
                .isEqualTo(403);
        assertThat(use(nurse, bag, item, 1, null, strangerId).status()).as("a patient not in the provider's care")
                .isEqualTo(404);
        assertThat(use(nurse, newBag(null), item, 1, null, patientId).status()).as("item of another bag")
                .isEqualTo(404);
        assertThat(movements()).as("refusals write nothing").isEqualTo(before);
    }

    @Test
    void overUseAndExpiredStockAreRefusedInWords() {
        UUID bag = newBag(null);
        UUID item = itemId(restock(providerPharmacist, bag, furosemide, "FU300", today.plusDays(1), 3), "FU300");
        int before = movements();
        Response tooMany = use(nurse, bag, item, 4, null, patientId);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body().toString()).contains("the book says 3 left and 4 were asked for");
        assertThat(api.get(nurse, "/api/v1/grab-bags/" + bag).body().path("items").path(0).path("expiryStatus")
                .asText()).isEqualTo("EXPIRING_SOON");

        clock.set(today.plusDays(2).atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant());
        Response expired = use(nurse, bag, item, 1, null, patientId);
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.body().toString()).contains("expired on").contains("must not be used");
        assertThat(api.get(nurse, "/api/v1/grab-bags/usable-items?formularyEntryId=" + furosemide).body()
                .findValuesAsText("bagItemId")).doesNotContain(item.toString());
        assertThat(api.get(nurse, "/api/v1/grab-bags/warnings").body().findValuesAsText("status"))
                .contains("EXPIRED");
        assertThat(movements()).isEqualTo(before);

        Response removed = api.post(coordinator, "/api/v1/grab-bags/" + bag + "/items/" + item + "/removals",
                Map.of("kind", "REMOVED_EXPIRED", "quantity", 3, "reason", "Expired, for destruction"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(201);
        assertThat(removed.body().path("items").path(0).path("quantity").decimalValue()).isEqualByComparingTo("0");
        Response expiredIn = api.post(providerPharmacist, "/api/v1/grab-bags/" + bag + "/items", Map.of(
                "formularyEntryId", furosemide, "batch", "OLD", "expiry", today.toString(), "quantity", 1));
        assertThat(expiredIn.status()).as("expired stock is not put in a bag").isEqualTo(400);
        assertThat(field(expiredIn)).isEqualTo("expiry");
    }

    @Test
    void usableItemsAreTheProvidersInDateStockNearestExpiryFirst() {
        UUID bag = newBag(null);
        UUID later = itemId(restock(providerPharmacist, bag, furosemide, "LATE", today.plusMonths(9), 2), "LATE");
        UUID sooner = itemId(restock(providerPharmacist, bag, furosemide, "SOON", today.plusDays(20), 2), "SOON");
        UUID empty = itemId(restock(providerPharmacist, bag, furosemide, "EMPTY", today.plusDays(5), 1), "EMPTY");
        assertThat(use(nurse, bag, empty, 1, null, patientId).status()).isEqualTo(201);
        JsonNode usable = api.get(nurse, "/api/v1/grab-bags/usable-items?formularyEntryId=" + furosemide).body();
        assertThat(usable.findValuesAsText("bagItemId")).containsExactly(sooner.toString(), later.toString());
        assertThat(api.get(consultant, "/api/v1/grab-bags/usable-items?formularyEntryId=" + furosemide).body())
                .as("another organisation's stock is not offered").isEmpty();
        assertThat(api.get(nurse, "/api/v1/grab-bags/warnings").body().findValuesAsText("batch")).contains("SOON")
                .doesNotContain("LATE", "EMPTY");
        assertThat(api.get(nurse, "/api/v1/grab-bags").body().findValues("expiringSoon").stream()
                .mapToInt(JsonNode::asInt).sum()).isEqualTo(1);
    }

    @Test
    void aControlledDrugNeedsASecondClinicianOfTheOrganisationAsWitness() {
        UUID bag = newBag(null);
        UUID item = itemId(restock(providerPharmacist, bag, morphine, "MO1", today.plusMonths(12), 10), "MO1");
        int before = movements();
        int entries = registerEntries();

        Response none = use(nurse, bag, item, 1, null, patientId);
        assertThat(none.status()).isEqualTo(400);
        assertThat(field(none)).isEqualTo("witnessUsername");
        assertThat(none.body().toString()).contains("needs a witness");
        Response self = use(nurse, bag, item, 1, nurse.username(), patientId);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body().toString()).contains("must be a second person");
        Response otherOrg = use(nurse, bag, item, 1, acuteNurse.username(), patientId);
        assertThat(otherOrg.status()).isEqualTo(400);
        assertThat(otherOrg.body().toString()).contains("is not a clinician of this organisation");
        Response notClinician = use(nurse, bag, item, 1, coordinator.username(), patientId);
        assertThat(notClinician.status()).isEqualTo(400);
        assertThat(notClinician.body().toString()).contains("is not a registered clinician");
        assertThat(movements()).isEqualTo(before);
        assertThat(registerEntries()).isEqualTo(entries);

        Response witnessed = use(nurse, bag, item, 1, secondNurse.username(), patientId);
        assertThat(witnessed.status()).as(witnessed.toString()).isEqualTo(201);
        assertThat(witnessed.body().path("quantityLeft").decimalValue()).isEqualByComparingTo("9");
        assertThat(jdbc.sql("select witness_username from controlled_drug_register_entry where organisation_id = ? "
                + "and kind = 'ADMINISTERED'").param(community.id().value()).query(String.class).single())
                .isEqualTo(secondNurse.username());
    }

    @Test
    void theRegisterKeepsARunningBalanceRowByRowAndADisagreeingCheckIsADiscrepancy() {
        UUID bag = newBag(null);
        UUID item = itemId(restock(providerPharmacist, bag, morphine, "MO2", today.plusMonths(12), 10), "MO2");
        assertThat(use(nurse, bag, item, 1, secondNurse.username(), patientId).status()).isEqualTo(201);
        assertThat(api.post(coordinator, "/api/v1/grab-bags/" + bag + "/items/" + item + "/removals", Map.of("kind",
                "RETURNED", "quantity", 2, "reason", "Surplus returned", "witnessUsername", nurse.username()))
                .status()).isEqualTo(201);
        Response unexplained = check(nurse, bag, item, 6, null, "S-9", true);
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(field(unexplained)).isEqualTo("counts[0].reason");
        assertThat(check(nurse, bag, item, 6, "One ampoule broken in the bag", null, false).status()).isEqualTo(201);
        assertThat(check(secondNurse, bag, item, 6, null, null, false).status()).isEqualTo(201);

        JsonNode register = api.get(providerPharmacist, "/api/v1/controlled-drugs/register?formularyEntryId="
                + morphine + "&bagId=" + bag).body();
        List<String> rows = new ArrayList<>();
        for (JsonNode r : register) {
            rows.add(r.path("seq").asInt() + " " + r.path("kind").asText() + " "
                    + r.path("quantityChange").decimalValue().stripTrailingZeros().toPlainString() + " "
                    + r.path("balanceAfter").decimalValue().stripTrailingZeros().toPlainString() + " "
                    + r.path("discrepancy").asBoolean());
        }
        assertThat(rows).containsExactly(
                "1 RECEIVED 10 10 false",
                "2 ADMINISTERED -1 9 false",
                "3 RETURNED -2 7 false",
                "4 CHECK -1 6 true",
                "5 CHECK 0 6 false");
        assertThat(register.path(1).path("patient").asText()).contains("NHS");
        assertThat(register.path(1).path("witness").asText()).isEqualTo(secondNurse.displayName());
        assertThat(register.path(3).path("reason").asText()).contains("One ampoule broken in the bag");
        assertThat(register.path(3).path("counted").decimalValue()).isEqualByComparingTo("6");
        assertThat(api.get(consultant, "/api/v1/controlled-drugs/register?bagId=" + bag).body())
                .as("another organisation reads none of the provider's register").isEmpty();
        assertThatThrownBy(() -> jdbc.sql("update controlled_drug_register_entry set balance_after = 10 where "
                + "bag_id = ?").param(bag).update()).hasMessageContaining("append-only");
    }

    Response check(CurrentUser by, UUID bag, UUID item, int counted, String reason, String seal, boolean intact) {
        Map<String, Object> count = new HashMap<>();
        count.put("itemId", item);
        count.put("counted", counted);
        count.put("reason", reason);
        Map<String, Object> body = new HashMap<>();
        body.put("sealFound", seal);
        body.put("sealIntact", intact);
        body.put("counts", List.of(count));
        return api.post(by, "/api/v1/grab-bags/" + bag + "/checks", body);
    }

    @Test
    void aCheckRecordsTheSealAndEachDiscrepancyWithItsReasonAndResealingTakesANewNumber() {
        UUID bag = newBag(null);
        UUID item = itemId(restock(providerPharmacist, bag, furosemide, "FU400", today.plusMonths(6), 10), "FU400");
        UUID second = itemId(restock(providerPharmacist, bag, furosemide, "FU401", today.plusMonths(7), 2), "FU401");
        Response sealed = api.post(nurse, "/api/v1/grab-bags/" + bag + "/seal", Map.of("sealNumber", "S-4001"));
        assertThat(sealed.status()).isEqualTo(201);
        assertThat(sealed.body().path("sealed").asBoolean()).isTrue();

        Response partial = check(nurse, bag, item, 10, null, "S-4001", true);
        assertThat(partial.status()).as("every item is counted").isEqualTo(400);
        assertThat(partial.body().toString()).contains("FU401");

        Map<String, Object> body = new HashMap<>();
        body.put("sealFound", "S-4001");
        body.put("sealIntact", true);
        body.put("counts", List.of(Map.of("itemId", item, "counted", 9, "reason", "One used at a visit, not recorded"),
                Map.of("itemId", second, "counted", 2)));
        Response checked = api.post(nurse, "/api/v1/grab-bags/" + bag + "/checks", body);
        assertThat(checked.status()).as(checked.toString()).isEqualTo(201);
        JsonNode check = checked.body().path("checks").path(0);
        assertThat(check.path("sealIntact").asBoolean()).isTrue();
        assertThat(check.path("counts")).hasSize(2);
        assertThat(check.path("counts").findValuesAsText("reason")).contains("One used at a visit, not recorded");
        assertThat(checked.body().path("movements").path(0).path("kind").asText()).isEqualTo("CHECK_ADJUSTMENT");
        assertThat(checked.body().path("movements").path(0).path("reason").asText())
                .isEqualTo("Counted 9, the book said 10: One used at a visit, not recorded");
        assertThat(jdbc.sql("select quantity from grab_bag_item where id = ?").param(item).query(Integer.class)
                .single()).isEqualTo(9);

        body.put("sealFound", "S-4999");
        body.put("counts", List.of(Map.of("itemId", item, "counted", 9), Map.of("itemId", second, "counted", 2)));
        Response otherSeal = api.post(nurse, "/api/v1/grab-bags/" + bag + "/checks", body);
        assertThat(otherSeal.status()).isEqualTo(201);
        assertThat(otherSeal.body().path("checks").path(0).path("sealIntact").asBoolean())
                .as("a seal with another number is not intact").isFalse();
        assertThat(otherSeal.body().path("sealed").asBoolean()).isFalse();
        assertThat(otherSeal.body().path("seals").path(0).path("kind").asText()).isEqualTo("FOUND_BROKEN");

        Response reused = api.post(nurse, "/api/v1/grab-bags/" + bag + "/seal", Map.of("sealNumber", "S-4001"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(field(reused)).isEqualTo("sealNumber");
        Response resealed = api.post(nurse, "/api/v1/grab-bags/" + bag + "/seal", Map.of("sealNumber", "S-4002",
                "reason", "Checked and restocked"));
        assertThat(resealed.status()).isEqualTo(201);
        assertThat(resealed.text("sealNumber")).isEqualTo("S-4002");
        assertThat(api.post(gp, "/api/v1/grab-bags/" + bag + "/seal", Map.of("sealNumber", "S-4003")).status())
                .as("the GP may not check bags").isEqualTo(403);
    }
}
