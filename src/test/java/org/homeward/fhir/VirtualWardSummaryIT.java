package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.homeward.fhir.validation.UkCoreValidator;
import org.homeward.fhir.validation.ValidationOutcome;
import org.homeward.observation.BatchMode;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The virtual-ward summary (issue 14): queued in the discharge's transaction, made by the publisher as a UK Core
 * collection Bundle with its PDF, and read by the patient's GP practice, signed in to its own organisation, over FHIR
 * (Bundle, DocumentReference) and from the discharge summary page; an organisation outside the care team finds
 * nothing, and nothing is said before the summary is made.
 */
@IntegrationTest
class VirtualWardSummaryIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ReferralService referrals;
    @Autowired ObservationService observations;
    @Autowired VirtualWardSummaryPublisher publisher;
    @Autowired UkCoreValidator validator;

    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser gp;
    CurrentUser outsider;
    PatientRecord patient;
    AdmissionView admission;

    @BeforeEach
    void aPatientOnTheWardWithReadings() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.CLINICIAN, fixtures.gpOrganisation(practice));
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        patient = fixtures.patient(referrer, LocalDate.of(1946, 2, 3), practice);
        admission = fixtures.admit(patient, ward, referrer, consultant);
        // the visiting nurse records a full set during the stay: NEWS2 5 (respiration 22: 2, SpO2 95: 1, pulse 95: 1,
        // temperature 38.5: 1)
        Instant at = Instant.now();
        PatientId id = patient.summary().id();
        observations.ingest(nurse, ObservationSource.NURSE, BatchMode.ALL_OR_NOTHING, List.of(
                IncomingReading.entered(id, ObservationParameter.RESPIRATORY_RATE, 22.0, at),
                IncomingReading.entered(id, ObservationParameter.OXYGEN_SATURATION, 95.0, at),
                IncomingReading.entered(id, ObservationParameter.ON_OXYGEN, "false", at),
                IncomingReading.entered(id, ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, 125.0, at),
                IncomingReading.entered(id, ObservationParameter.HEART_RATE, 95.0, at),
                IncomingReading.entered(id, ObservationParameter.CONSCIOUSNESS, "ALERT", at),
                IncomingReading.entered(id, ObservationParameter.TEMPERATURE, 38.5, at)));
    }

    IGenericClient client(CurrentUser user) {
        IGenericClient client = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(user.username(), Fixtures.PASSWORD));
        return client;
    }

    void discharge() {
        referrals.discharge(consultant, admission.id(), new DischargePatient(null, DischargeDestination.USUAL_RESIDENCE,
                null, "Community respiratory team", "Exacerbation of COPD treated at home; GP to review in a week"));
    }

    String stay() {
        return admission.id().value().toString();
    }

    @Test
    void theDischargeQueuesTheSummaryAndTheGpReadsItAsAUkCoreBundleWithItsPdf() throws IOException {
        discharge();
        assertThat(jdbc.sql("select status from virtual_ward_summary where admission_id = ?")
                .param(admission.id().value()).query(String.class).single())
                .as("queued in the discharge's transaction").isEqualTo("PENDING");
        // before it is made, the GP is told it is not there yet
        assertThatThrownBy(() -> client(gp).read().resource(Bundle.class).withId(stay()).execute())
                .isInstanceOf(ResourceNotFoundException.class);

        assertThat(publisher.publish(admission.id(), Instant.now().plusSeconds(1))).isEqualTo(1);

        Bundle summary = client(gp).read().resource(Bundle.class).withId(stay()).execute();
        assertThat(summary.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(summary.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Bundle");
        Map<String, Long> types = summary.getEntry().stream()
                .collect(Collectors.groupingBy(e -> e.getResource().fhirType(), Collectors.counting()));
        assertThat(types).containsEntry("Patient", 1L).containsEntry("Organization", 1L).containsEntry("Encounter", 1L)
                .containsEntry("DocumentReference", 1L);
        assertThat(types.get("Observation")).as("7 readings and the NEWS2 total").isEqualTo(8L);
        Observation total = summary.getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof Observation o && "1104051000000101".equals(o.getCode().getCodingFirstRep()
                        .getCode())).map(Observation.class::cast).findFirst().orElseThrow();
        assertThat(total.getValueQuantity().getValue().intValue()).isEqualTo(5);
        // every reference inside the bundle points at one of its entries
        Set<String> fullUrls = summary.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        Set<String> references = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : summary.getEntry()) {
            FHIR.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class).stream()
                    .map(Reference::getReference).filter(r -> r != null).forEach(references::add);
        }
        assertThat(references).isNotEmpty();
        assertThat(fullUrls).containsAll(references);

        ValidationOutcome outcome = validator.validate(summary);
        assertThat(outcome.errors()).as("UK Core errors in the whole summary").isEmpty();

        DocumentReference document = (DocumentReference) summary.getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof DocumentReference).findFirst().orElseThrow();
        byte[] pdfBytes = document.getContentFirstRep().getAttachment().getData();
        String pdfText = text(pdfBytes);
        keepAsPicture(pdfBytes);
        assertThat(pdfText).contains("Virtual ward summary").contains(patient.summary().familyName().toUpperCase())
                .contains("GP to review in a week").contains("NEWS2 5").contains("Community respiratory team");

        // the GP finds it by patient, as a shared care record would, and opens the PDF from the discharge summary page
        Bundle found = client(gp).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId(patient.summary().id().value().toString()))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);
        DocumentReference standing = (DocumentReference) found.getEntryFirstRep().getResource();
        assertThat(standing.getSubject().getReference()).isEqualTo("Patient/" + patient.summary().id().value());
        assertThat(standing.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/" + stay());
        assertThat(client(gp).read().resource(DocumentReference.class).withId(standing.getIdElement().getIdPart())
                .execute().getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
        PageSession gpPages = PageSession.signIn(api.baseUrl(), gp);
        PageSession.Page page = gpPages.get("/admissions/" + stay());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.testId("discharge-summary")).as(page.text()).contains("GP to review in a week");
        assertThat(page.html().selectFirst("[data-testid=virtual-ward-summary-link]").attr("href"))
                .isEqualTo("/admissions/" + stay() + "/virtual-ward-summary.pdf");
        PageSession.Download pdf = gpPages.download("/admissions/" + stay() + "/virtual-ward-summary.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(text(pdf.body())).contains(patient.summary().familyName().toUpperCase());
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and record_type = 'VirtualWardSummary'")
                .param(gp.username()).query(Integer.class).single()).as("the GP's reads, audited").isGreaterThanOrEqualTo(3);

        // an organisation outside the care team finds nothing
        assertThatThrownBy(() -> client(outsider).read().resource(Bundle.class).withId(stay()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client(outsider).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId(patient.summary().id().value().toString()))
                .returnBundle(Bundle.class).execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThat(PageSession.signIn(api.baseUrl(), outsider)
                .download("/admissions/" + stay() + "/virtual-ward-summary.pdf").status()).isEqualTo(404);
    }

    @Test
    void aSummaryIsStillMadeWhenTheDischargingClinicianHasLeftSinceAndNamesThem() {
        discharge();
        // the discharging consultant leaves the trust (account closed) before the publisher runs
        jdbc.sql("update app_user set enabled = false where username = ?").param(consultant.username()).update();
        try {
            int consultantsReadsBefore = consultantsReads();
            assertThat(publisher.publish(admission.id(), Instant.now().plusSeconds(1))).isEqualTo(1);

            assertThat(jdbc.sql("select status from virtual_ward_summary where admission_id = ?")
                    .param(admission.id().value()).query(String.class).single()).isEqualTo("PUBLISHED");
            Bundle published = client(gp).read().resource(Bundle.class).withId(stay()).execute();
            assertThat(published.getEntry()).extracting(e -> e.getResource().fhirType())
                    .contains("Patient", "Encounter", "DocumentReference");
            assertThat(consultantsReads()).as("made as the consultant, audited in their name")
                    .isGreaterThan(consultantsReadsBefore);
        } finally {
            jdbc.sql("update app_user set enabled = true where username = ?").param(consultant.username()).update();
        }
    }

    @Test
    void aSummaryThatCannotBeMadeKeepsItsReasonAndIsMadeOnALaterTry() {
        discharge();
        // the summary cannot be made: the account it is to be made as is not found (renamed, say)
        jdbc.sql("update virtual_ward_summary set discharged_by = 'nobody-of-that-name' where admission_id = ?")
                .param(admission.id().value()).update();
        Instant now = Instant.now().plusSeconds(1);

        assertThat(publisher.publish(admission.id(), now)).isZero();

        Map<String, Object> row = jdbc.sql("select * from virtual_ward_summary where admission_id = ?")
                .param(admission.id().value()).query().singleRow();
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) row.get("last_error")).contains("nobody-of-that-name").contains("does not exist");
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isAfter(now);

        jdbc.sql("update virtual_ward_summary set discharged_by = ? where admission_id = ?")
                .params(consultant.username(), admission.id().value()).update();
        assertThat(publisher.publish(admission.id(), now.plus(Duration.ofSeconds(30))))
                .as("not due again before its wait").isZero();
        assertThat(publisher.publish(admission.id(), now.plus(Duration.ofMinutes(2)))).isEqualTo(1);

        assertThat(jdbc.sql("select status from virtual_ward_summary where admission_id = ?")
                .param(admission.id().value()).query(String.class).single()).isEqualTo("PUBLISHED");
    }

    private int consultantsReads() {
        return jdbc.sql("select count(*) from audit_event where username = ? and patient_id = ? and action = 'READ'")
                .param(consultant.username()).param(patient.summary().id().value()).query(Integer.class).single();
    }

    /** The PDF's first page as a picture in target/screenshots, to look at as a GP would. */
    private static void keepAsPicture(byte[] pdf) throws IOException {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(
                java.nio.file.Path.of("target", "screenshots", "virtual-ward-summary"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 100),
                    "png", folder.resolve("page-1.png").toFile());
        }
        java.nio.file.Files.write(folder.resolve("virtual-ward-summary.pdf"), pdf);
    }

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
