package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.gclient.IQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.homeward.observation.BatchMode;
import org.homeward.observation.BatchResult;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.observation.ScoredSet;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Paging through a long Observation search with {@code _count=50} and the next links the server writes gives, page
 * after page, exactly the result the search gave before it read only what a page needs: every reading and NEWS2 total
 * of the range, translated, merged and sorted whole (computed here from the service's unpaged reads, as the search
 * did), in the same order, without duplicates or gaps, with the total when the search does not ask for the scores or
 * when they were all counted anyway, and without it (docs/fhir.md) only while more pages follow. The patient has
 * several hundred readings over three days: device pulse every 7 minutes and SpO2 every 11, a nurse's full set every 4 hours
 * (some a few minutes after a device reading, some at the same time), and half a day of capillary refill alone,
 * which NEWS2 does not use (moments without a score, so the search has to go further back for enough scores).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservationSearchPagingIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired ObservationService observations;

    CurrentUser consultant;
    CurrentUser nurse;
    PatientRecord patient;
    Instant start;
    Instant end;
    int readings;

    @BeforeEach
    void aPatientWithThreeDaysOfReadings() {
        start = LocalDate.now(LONDON).plusDays(2).atTime(8, 0).atZone(LONDON).toInstant();
        clock.set(start.minus(1, ChronoUnit.HOURS));
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser referrer = fixtures.user(Role.CLINICIAN, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1950, 3, 14));
        fixtures.admit(patient, ward, referrer, consultant);

        PatientId id = patient.summary().id();
        List<IncomingReading> batch = new ArrayList<>();
        // day 1 and 2: the device's pulse every 7 minutes and SpO2 every 11 (so a set's window holds readings of
        // several moments), the nurse's set every 4 hours
        for (int minute = 0; minute < 2 * 24 * 60; minute++) {
            Instant at = start.plus(minute, ChronoUnit.MINUTES);
            if (minute % 7 == 0) {
                batch.add(device(id, ObservationParameter.HEART_RATE, 70 + minute % 37, at));
            }
            if (minute % 11 == 0) {
                batch.add(device(id, ObservationParameter.OXYGEN_SATURATION, 91 + minute % 8, at));
            }
            if (minute % 240 == 0) {
                // alternately with the device's readings and five minutes after them
                Instant nurseAt = minute % 480 == 0 ? at : at.plus(5, ChronoUnit.MINUTES);
                batch.add(IncomingReading.entered(id, ObservationParameter.RESPIRATORY_RATE, 16.0 + minute % 9,
                        nurseAt));
                batch.add(IncomingReading.entered(id, ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, 118.0, nurseAt));
                batch.add(IncomingReading.entered(id, ObservationParameter.TEMPERATURE, 37.1, nurseAt));
                batch.add(IncomingReading.entered(id, ObservationParameter.CONSCIOUSNESS, "ALERT", nurseAt));
                batch.add(IncomingReading.entered(id, ObservationParameter.ON_OXYGEN, "false", nurseAt));
            }
        }
        // day 3 morning: capillary refill alone every 10 minutes (no NEWS2), then the device again in the afternoon
        Instant day3 = start.plus(2, ChronoUnit.DAYS);
        for (int minute = 0; minute < 12 * 60; minute += 10) {
            batch.add(device(id, ObservationParameter.CAPILLARY_REFILL, 1.0 + minute % 3, day3.plus(minute,
                    ChronoUnit.MINUTES)));
        }
        for (int minute = 13 * 60; minute < 16 * 60; minute += 20) {
            Instant at = day3.plus(minute, ChronoUnit.MINUTES);
            batch.add(device(id, ObservationParameter.HEART_RATE, 88.0, at));
            batch.add(device(id, ObservationParameter.OXYGEN_SATURATION, 96.0, at));
        }
        end = day3.plus(16, ChronoUnit.HOURS);
        clock.set(end);
        BatchResult stored = observations.ingest(nurse, ObservationSource.DEVICE, BatchMode.ALL_OR_NOTHING, batch);
        assertThat(stored.rejected()).isEmpty();
        assertThat(stored.stored()).isEqualTo(batch.size());
        readings = batch.size();
        assertThat(readings).isGreaterThan(400);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everySearchPagedByFiftyIsTheWholeResultInOrder(CapturedOutput output) {
        // no code: every reading and every NEWS2 total; the total is absent on the first pages
        List<String> all = pagesEqualTheWholeResult(q -> q, null, null, null, null, false);
        assertThat(all.size()).isGreaterThan(readings);
        Bundle firstPage = client(consultant).search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient.summary().id().value().toString())).count(50)
                .returnBundle(Bundle.class).execute();
        assertThat(firstPage.hasTotal()).as("counting every score would take the whole history").isFalse();
        assertThat(firstPage.getLink(Bundle.LINK_NEXT)).isNotNull();

        // NEWS2 totals and heart rates only
        pagesEqualTheWholeResult(q -> q.and(Observation.CODE.exactly().codings(
                        new Coding(UkCore.SNOMED, ObservationTranslator.NEWS2_TOTAL, null),
                        new Coding(UkCore.LOINC, "8867-4", null))),
                Set.of("8867-4", ObservationTranslator.NEWS2_TOTAL), null, null, null, false);
        // NEWS2 totals only
        List<String> news2 = pagesEqualTheWholeResult(q -> q.and(Observation.CODE.exactly()
                .systemAndCode(UkCore.SNOMED, ObservationTranslator.NEWS2_TOTAL)),
                Set.of(ObservationTranslator.NEWS2_TOTAL), null, null, null, false);
        assertThat(news2).isNotEmpty();
        // an adult has no PEWS: every moment is scored to find none, and the total is then known (0)
        assertThat(pagesEqualTheWholeResult(q -> q.and(Observation.CODE.exactly().systemAndCode(UkCore.SNOMED,
                ObservationTranslator.PEWS_TOTAL)), Set.of(ObservationTranslator.PEWS_TOTAL), null, null, null, true))
                .isEmpty();
        // readings only: the total is always there
        pagesEqualTheWholeResult(q -> q.and(Observation.CODE.exactly().systemAndCode(UkCore.LOINC, "8867-4")),
                Set.of("8867-4"), null, null, null, true);

        // by category, before paging: vital signs are readings only; survey is ACVPU and the NEWS2 totals
        List<String> vital = pagesEqualTheWholeResult(q -> q.and(Observation.CATEGORY.exactly().code("vital-signs")),
                null, "vital-signs", null, null, true);
        assertThat(vital).isNotEmpty();
        List<String> survey = pagesEqualTheWholeResult(q -> q.and(Observation.CATEGORY.exactly().code("survey")),
                null, "survey", null, null, false);
        assertThat(survey.size()).isGreaterThan(news2.size());
        pagesEqualTheWholeResult(q -> q.and(Observation.CATEGORY.exactly().code("therapy")), null, "therapy", null,
                null, true);

        // a date range starting between readings (sets just after it are scored with what the range holds) and
        // ending within day 3's capillary refill
        Instant from = start.plus(1, ChronoUnit.DAYS).plus(7, ChronoUnit.MINUTES).plus(30, ChronoUnit.SECONDS);
        Instant to = start.plus(2, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS).plus(50, ChronoUnit.SECONDS);
        List<String> range = pagesEqualTheWholeResult(q -> q
                .and(Observation.DATE.afterOrEquals().second(Date.from(from)))
                .and(Observation.DATE.beforeOrEquals().second(Date.from(to))), null, null, from, to, false);
        assertThat(range).isNotEmpty().hasSizeLessThan(all.size());
        pagesEqualTheWholeResult(q -> q.and(Observation.DATE.afterOrEquals().second(Date.from(from)))
                .and(Observation.DATE.beforeOrEquals().second(Date.from(to)))
                .and(Observation.CATEGORY.exactly().code("survey")), null, "survey", from, to, false);
        // NEWS2 totals only over a day where every moment has one: each page scores just the moments it needs, the
        // oldest of them with the readings from the window before it
        Instant dayFrom = start.plus(3, ChronoUnit.HOURS).plus(30, ChronoUnit.SECONDS);
        Instant dayTo = start.plus(1, ChronoUnit.DAYS).plus(50, ChronoUnit.SECONDS);
        pagesEqualTheWholeResult(q -> q.and(Observation.DATE.afterOrEquals().second(Date.from(dayFrom)))
                .and(Observation.DATE.beforeOrEquals().second(Date.from(dayTo)))
                .and(Observation.CODE.exactly().systemAndCode(UkCore.SNOMED, ObservationTranslator.NEWS2_TOTAL)),
                Set.of(ObservationTranslator.NEWS2_TOTAL), null, dayFrom, dayTo, false);
        // each page tells HAPI how many it read past the page, so a page without a total has its next link from what
        // was read, not from HAPI's guess that a full page has another after it (a WARN a page before)
        assertThat(output.getAll()).doesNotContain("Returning a next page based on calculated resource count");
    }

    /**
     * Pages through the search by 50 following the next links and checks the pages against the whole result as the
     * unpaged search computed it; returns the whole result's signatures.
     *
     * @param codes the codes searched, null for none
     * @param alwaysTotal whether every page must carry the total
     */
    List<String> pagesEqualTheWholeResult(UnaryOperator<IQuery<Bundle>> search, Set<String> codes, String category,
            Instant from, Instant to, boolean alwaysTotal) {
        List<String> expected = unpaged(codes, category, from, to);
        IGenericClient client = client(consultant);
        Bundle page = search.apply(client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient.summary().id().value().toString()))
                .returnBundle(Bundle.class)).count(50).execute();
        List<String> paged = new ArrayList<>();
        Bundle first = page;
        Bundle second = null;
        int offset = 0;
        while (true) {
            List<String> entries = page.getEntry().stream().map(e -> signature((Observation) e.getResource())).toList();
            int remaining = expected.size() - offset;
            assertThat(entries).as("the page at offset " + offset)
                    .isEqualTo(expected.subList(offset, offset + Math.min(50, remaining)));
            if (page.hasTotal()) {
                assertThat(page.getTotal()).isEqualTo(expected.size());
            } else {
                assertThat(alwaysTotal).as("a total at offset " + offset).isFalse();
                // without a total there is always a further page
                assertThat(remaining).isGreaterThan(50);
            }
            assertThat(page.getLink(Bundle.LINK_PREV) != null).isEqualTo(offset > 0);
            paged.addAll(entries);
            offset += entries.size();
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            assertThat(offset).as("a next link only when more follow").isLessThan(expected.size());
            page = client.loadPage().next(page).execute();
            if (second == null) {
                second = page;
            }
        }
        assertThat(paged).as("the pages together").isEqualTo(expected).doesNotHaveDuplicates();
        if (second != null) {
            Bundle back = client.loadPage().previous(second).execute();
            assertThat(back.getEntry()).extracting(e -> signature((Observation) e.getResource()))
                    .isEqualTo(first.getEntry().stream().map(e -> signature((Observation) e.getResource())).toList());
        }
        return expected;
    }

    /**
     * The whole result as the search computed it before paging by the page: every reading of the searched codes and
     * every NEWS2 / PEWS total of the range from the service's unpaged reads, filtered by category, sorted newest
     * first then by code text (a stable sort: readings before totals at equal times).
     */
    List<String> unpaged(Set<String> codes, String category, Instant from, Instant to) {
        PatientId id = patient.summary().id();
        Instant since = from == null ? Instant.EPOCH : from;
        Instant until = to == null ? clock.instant().plus(ObservationService.CLOCK_SKEW) : to;
        Set<ObservationParameter> parameters = EnumSet.noneOf(ObservationParameter.class);
        for (ObservationCode c : ObservationCode.values()) {
            if (codes == null || (c.loinc != null && codes.contains(c.loinc))
                    || (c.snomed != null && codes.contains(c.snomed))) {
                parameters.add(c.parameter);
            }
        }
        boolean news2 = codes == null || codes.contains(ObservationTranslator.NEWS2_TOTAL);
        boolean pews = codes == null || codes.contains(ObservationTranslator.PEWS_TOTAL);
        List<Observation> found = new ArrayList<>();
        observations.readings(consultant, id, parameters, since, until).stream()
                .map(ObservationTranslator::toFhir).forEach(found::add);
        if (news2 || pews) {
            for (ScoredSet set : observations.scoredBetween(consultant, id, since, until)) {
                if (set.scored() && ("PEWS".equals(set.scoreName()) ? pews : news2)) {
                    found.add(ObservationTranslator.scoreToFhir(id, set));
                }
            }
        }
        if (category != null) {
            found.removeIf(o -> o.getCategory().stream().flatMap(c -> c.getCoding().stream())
                    .noneMatch(c -> c.getCode().equals(category)));
        }
        found.sort(Comparator.comparing((Observation o) -> o.getEffectiveDateTimeType().getValue()).reversed()
                .thenComparing(o -> o.getCode().getText()));
        List<String> signatures = found.stream().map(ObservationSearchPagingIT::signature).toList();
        assertThat(signatures).doesNotHaveDuplicates();
        return signatures;
    }

    /** What a client sees of an Observation: its id, time, code, category and value. */
    static String signature(Observation o) {
        String value = o.getValue() instanceof Quantity q ? q.getValue().stripTrailingZeros().toPlainString()
                : o.hasValueCodeableConcept() ? o.getValueCodeableConcept().getText() : String.valueOf(o.getValue());
        return o.getIdElement().getIdPart() + " " + o.getEffectiveDateTimeType().getValue().toInstant() + " "
                + o.getCode().getText() + " " + o.getCategoryFirstRep().getCodingFirstRep().getCode() + " " + value
                + (o.hasInterpretation() ? " " + o.getInterpretationFirstRep().getText() : "");
    }

    static IncomingReading device(PatientId patient, ObservationParameter parameter, double value, Instant at) {
        return new IncomingReading("paging-" + UUID.randomUUID(), patient.value(), parameter, value, null, at,
                "monitor-1");
    }

    static IncomingReading device(PatientId patient, ObservationParameter parameter, int value, Instant at) {
        return device(patient, parameter, (double) value, at);
    }

    IGenericClient client(CurrentUser user) {
        IGenericClient client = FhirApiIT.FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(user.username(), Fixtures.PASSWORD));
        return client;
    }
}
