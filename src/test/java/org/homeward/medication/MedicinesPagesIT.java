package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The formulary page (the pharmacist adds; a nurse reads without the form), the prescribe form's confirm-with-reason
 * route for a dose out of range, and the stop form, through the pages as a browser posts them.
 */
@IntegrationTest
class MedicinesPagesIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    @Test
    void thePharmacistAddsToTheFormularyAndTheConsultantConfirmsAHighDoseThenStopsIt() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 5, List.of());
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 1, 9));
        fixtures.admit(patient, ward, referrer, consultant);
        String medicines = "/patients/" + patient.summary().id() + "/medicines";
        String strength = Fixtures.unique("10 mg/mL ");

        PageSession asPharmacist = PageSession.signIn(api.baseUrl(), pharmacist);
        PageSession.Page page = asPharmacist.get("/formulary");
        PageSession.Page refused = asPharmacist.submit(page, "#formulary-form", Map.of("name", "Furosemide",
                "form", "solution for injection", "strength", strength, "doseUnit", "MG", "dmdCode", "123456789"));
        assertThat(refused.testId("errors")).as(refused.status() + " " + refused.text().substring(0, Math.min(3000, refused.text().length()))).contains("Choose at least one route");
        PageSession.Page added = asPharmacist.follow(asPharmacist.submit(page, "#formulary-form", Map.of(
                "name", "Furosemide", "form", "solution for injection", "strength", strength, "routes",
                "INTRAVENOUS", "doseUnit", "MG", "adultDoseMin", "20", "adultDoseMax", "80", "substanceClass",
                "LOOP_DIURETICS", "doseSource", "BNF, Furosemide")));
        assertThat(added.testId("flash")).contains("Added Furosemide " + strength);
        PageSession asNurse = PageSession.signIn(api.baseUrl(), nurse);
        PageSession.Page read = asNurse.get("/formulary");
        assertThat(read.testId("formulary")).contains("Furosemide " + strength);
        assertThat(read.html().select("#formulary-form")).isEmpty();
        asNurse.follow(asNurse.submit(asNurse.get(medicines), "form[action$='no-known-allergies']", Map.of()));

        PageSession asConsultant = PageSession.signIn(api.baseUrl(), consultant);
        PageSession.Page form = asConsultant.get(medicines + "/prescribe");
        String entryId = form.html().select("#formularyEntryId option").stream()
                .filter(o -> o.text().contains(strength)).findFirst().orElseThrow().attr("value");
        Map<String, String> high = Map.of("formularyEntryId", entryId, "dose", "120", "doseUnit", "MG", "route",
                "INTRAVENOUS", "frequency", "TWICE_DAILY", "times", "08:00 14:00", "indication",
                "Heart failure with fluid overload");
        PageSession.Page checked = asConsultant.submit(form, "#prescribe-form", high);
        assertThat(checked.testId("errors")).contains("above the formulary's usual adult dose of 20 to 80 mg");
        assertThat(checked.html().select("#doseRangeReason")).hasSize(1);
        Map<String, String> confirmed = new java.util.HashMap<>(high);
        confirmed.put("doseRangeReason", "Resistant oedema: heart failure team advice");
        PageSession.Page chart = asConsultant.follow(asConsultant.submit(checked, "#prescribe-form", confirmed));
        assertThat(chart.testId("prescription-medicine")).isEqualTo("Furosemide 120 mg intravenous");
        assertThat(chart.testId("prescription-times")).isEqualTo("Twice daily at 08:00, 14:00");
        assertThat(chart.text()).contains("Dose outside the formulary range: Resistant oedema");

        String stopLink = chart.html().select("a[id^=stop-]").attr("href");
        PageSession.Page stopForm = asConsultant.get(stopLink);
        assertThat(asConsultant.submit(stopForm, "#stop-form", Map.of("reason", "")).testId("errors"))
                .contains("Give the reason for stopping");
        PageSession.Page stopped = asConsultant.follow(asConsultant.submit(stopForm, "#stop-form",
                Map.of("reason", "Euvolaemic")));
        assertThat(stopped.testId("no-prescriptions")).isEqualTo("No active prescriptions.");
        assertThat(stopped.testId("stopped")).contains("Furosemide 120 mg intravenous", "Euvolaemic");
    }
}
