package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.observation.BatchMode;
import org.homeward.observation.IdentifiedBatch;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.NewestObservations;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.observation.ScoredSet;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Observation: read a reading, search a patient's readings and early warning scores by code and date, and create a
 * reading through the same durable ingest path as the JSON batch (acknowledged means committed, with any alert it
 * raises in the same transaction; idempotent by the Observation's identifier).
 */
@Component
class ObservationProvider implements FhirResourceProvider {

    private final ObservationService observations;
    private final org.homeward.patient.PatientService patients;
    private final FhirUsers users;
    private final Validation validation;
    private final java.time.Clock clock;

    ObservationProvider(ObservationService observations, org.homeward.patient.PatientService patients,
            FhirUsers users, java.time.Clock clock, Validation validation) {
        this.observations = observations;
        this.patients = patients;
        this.users = users;
        this.validation = validation;
        this.clock = clock;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        return ObservationTranslator.toFhir(observations.reading(users.current(), FhirIds.uuid(id, "Observation")));
    }

    /**
     * {@code GET /fhir/Observation?patient=Patient/{id}&code=http://loinc.org|8867-4&date=ge2026-12-01}: the
     * patient's readings and NEWS2 / PEWS totals (with {@code _include=Observation:patient}, the Patient too) (optionally of one category: vital-signs, therapy, survey), newest
     * first, paged with {@code _count} and {@code _offset}. A page reads only the newest readings and scored sets it
     * needs; the Bundle's total is absent when the NEWS2 / PEWS totals are searched and counting them would mean
     * scoring the whole range (docs/fhir.md).
     */
    @Search
    public IBundleProvider search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Observation.SP_CATEGORY) TokenParam category,
            @IncludeParam(allow = {"Observation:patient", "Observation:subject"}) Set<Include> includes,
            @Offset Integer offset, @Count Integer count) {
        PatientId patientId = FhirIds.patient(patient);
        Instant from = date == null || date.getLowerBoundAsInstant() == null ? Instant.EPOCH
                : date.getLowerBoundAsInstant().toInstant();
        Instant to = date == null || date.getUpperBoundAsInstant() == null
                ? clock.instant().plus(ObservationService.CLOCK_SKEW) : date.getUpperBoundAsInstant().toInstant();
        Set<ObservationParameter> parameters = EnumSet.noneOf(ObservationParameter.class);
        boolean news2 = code == null;
        boolean pews = code == null;
        if (code == null) {
            for (ObservationCode c : ObservationCode.values()) {
                parameters.add(c.parameter);
            }
        } else {
            for (TokenParam token : code.getValuesAsQueryTokens()) {
                for (ObservationCode c : ObservationCode.values()) {
                    if (ObservationCode.matches(c, token.getSystem(), token.getValue())) {
                        parameters.add(c.parameter);
                    }
                }
                boolean snomed = token.getSystem() == null || token.getSystem().isEmpty()
                        || UkCore.SNOMED.equals(token.getSystem());
                news2 |= snomed && ObservationTranslator.NEWS2_TOTAL.equals(token.getValue());
                pews |= snomed && ObservationTranslator.PEWS_TOTAL.equals(token.getValue());
            }
        }
        if (category != null) {
            // the category decides what is read, before paging: each parameter's readings have one category, the
            // NEWS2 / PEWS totals are 'survey'
            parameters.removeIf(p -> !java.util.Objects.equals(ObservationCode.category(p), category.getValue()));
            boolean survey = "survey".equals(category.getValue());
            news2 &= survey;
            pews &= survey;
        }
        boolean wantNews2 = news2;
        boolean wantPews = pews;
        java.util.function.Predicate<ScoredSet> wanted = !news2 && !pews ? null
                : set -> set.scored() && ("PEWS".equals(set.scoreName()) ? wantPews : wantNews2);
        var user = users.current();
        // only the newest readings and scored sets the page needs are read (and scored), not the whole range
        NewestObservations newest = observations.newest(user, patientId, parameters, wanted, from, to,
                Pages.needed(offset, count));
        List<Observation> found = new ArrayList<>();
        newest.readings().stream().map(ObservationTranslator::toFhir).forEach(found::add);
        // oldest first, as the whole range's sets were added before (the sort below is stable)
        for (int i = newest.scoredSets().size() - 1; i >= 0; i--) {
            found.add(ObservationTranslator.scoreToFhir(patientId, newest.scoredSets().get(i)));
        }
        found.sort(Comparator.comparing((Observation o) -> o.getEffectiveDateTimeType().getValue()).reversed()
                .thenComparing(o -> o.getCode().getText()));
        if (includes != null && !includes.isEmpty() && !found.isEmpty()) {
            // _include=Observation:patient saves the round trip for the patient's record (one read, audited)
            Patient subject = PatientTranslator.toFhir(patients.record(user, patientId));
            found.forEach(o -> o.getSubject().setResource(subject));
        }
        // the total is absent when it would take scoring the whole range; the page is then full and followed by more
        Integer total = newest.scoredSetCount() == null ? null : newest.readingCount() + newest.scoredSetCount();
        return Pages.of(found, offset, count, total);
    }

    /**
     * One reading from a device platform. 201 with its location when stored, 200 with the stored one when this
     * identifier was sent before (a retry), 422 naming the element otherwise; nothing is stored on a refusal.
     */
    @Create
    public MethodOutcome create(@ResourceParam Observation observation) {
        List<IncomingReading> readings = ObservationTranslator.toReadings(observation, "Observation");
        IdentifiedBatch batch = observations.ingestIdentified(users.current(), ObservationSource.DEVICE,
                BatchMode.ALL_OR_NOTHING, readings);
        if (!batch.result().rejected().isEmpty()) {
            var rejection = batch.result().rejected().get(0);
            throw Outcomes.invalid(ObservationPaths.of(rejection.field(), "Observation"), rejection.reason());
        }
        IncomingReading main = readings.get(readings.size() - 1);
        UUID id = batch.idsByClientId().get(main.id());
        boolean created = batch.newlyStored().contains(main.id());
        Observation stored = ObservationTranslator.toFhir(observations.reading(users.current(), id));
        return new MethodOutcome(new IdType("Observation", id.toString()), created).setResource(stored);
    }

    /** {@code POST /fhir/Observation/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Observation resource) {
        return validation.validate(resource);
    }
}
