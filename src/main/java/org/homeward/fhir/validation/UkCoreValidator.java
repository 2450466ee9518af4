package org.homeward.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.homeward.fhir.validation.ValidationOutcome.Issue;
import org.homeward.fhir.validation.ValidationOutcome.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Validates FHIR R4 resources against UK Core STU2 (NHSDigital's UK Core R4 STU2 2.0.0, loaded from
 * {@code classpath:fhir/uk-core/}) with HAPI FHIR's instance validator.
 *
 * <p>The validation support chain, in order:
 * <ol>
 * <li>{@link LanguageTags}: languages checked against the IANA language subtag registry (BCP 47), so three-letter
 * languages such as British Sign Language ({@code bfi}) pass;</li>
 * <li>{@link DefaultProfileValidationSupport}: the FHIR R4 base profiles, value sets and code systems;</li>
 * <li>a {@link PrePopulatedValidationSupport} holding the UK Core profiles, extensions, value sets and code systems,
 * with the snapshots generated once when the chain is built (UK Core publishes differentials only) and completed
 * where the generator leaves a re-sliced element without its unsliced element's constraints
 * ({@link SnapshotCompletion}: UK Core's blood pressure profile);</li>
 * <li>{@link SnapshotGeneratingValidationSupport} for any other profile that arrives without a snapshot;</li>
 * <li>{@link InMemoryTerminologyServerValidationSupport}: value sets expanded and codes checked in memory;</li>
 * <li>{@link CommonCodeSystemsTerminologyService}: UCUM units, countries, currencies, MIME types;</li>
 * <li>{@link UnknownCodeSystemWarningValidationSupport} at {@code WARNING}: there is no terminology server here,
 * so a code from a code system the chain cannot check (SNOMED CT and dm+d above all) is reported as a warning that it
 * was not checked, not as an error. Refusing every SNOMED-coded resource would make the facade useless; passing such
 * codes silently would hide that they went unchecked. The hazard log (H291) records what mitigates a wrong SNOMED code:
 * Homeward's translators accept only the codes Homeward maps.</li>
 * </ol>
 * The chain caches its look-ups (HAPI 8 replaced the deprecated {@code CachingValidationSupport} with the chain's own
 * cache, backed here by Caffeine through {@code hapi-fhir-caching-caffeine}).
 *
 * <p>Other choices: best-practice recommendations (such as dom-6, a resource should have narrative) are not reported,
 * as they are not UK Core rules; a resource that names a profile which does not exist is an error, not a warning.
 * Homeward adds one rule of its own, the NHS number check of {@link NhsNumberRule}.
 *
 * <p>Which profile: the resource's {@code meta.profile} when it names a UK Core profile; otherwise the UK Core profile
 * for its type ({@code UKCore-Patient} for a Patient), and for an Observation the UK Core vital-signs profile for its
 * LOINC code or the early warning total score profile for the NEWS2 and national PEWS total score codes. A Bundle is
 * validated against its own profile and each entry against the profile chosen for that entry; an entry's issues name
 * their path from the Bundle ({@code Bundle.entry[2].resource.status}).
 *
 * <p>Building the chain and the validator's first call take several seconds, so they run once, in the background after
 * start-up ({@link #warmUpInBackground}). A request that arrives before that has finished waits for the same
 * validator instead of building another one. Thread-safe.
 */
@Component
public class UkCoreValidator {

    static final String UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/";

    private static final Logger log = LoggerFactory.getLogger(UkCoreValidator.class);

    private static final String[] UK_CORE_FOLDERS = {"structuredefinitions", "valuesets", "codesystems"};

    /** Removes HAPI's resource labels from a location: {@code Bundle.entry[0].resource/*Patient/1*&#47;.name}. */
    private static final Pattern LOCATION_LABEL = Pattern.compile("/\\*.*?\\*/");

    private static final String LOINC = "http://loinc.org";
    private static final String SNOMED = "http://snomed.info/sct";

    /** The UK Core profile an Observation without one gets, by its code (Homeward emits these). */
    private static final Map<String, String> OBSERVATION_PROFILES = Map.ofEntries(
            Map.entry(LOINC + "|8867-4", "UKCore-Observation-VitalSigns-HeartRate"),
            Map.entry(LOINC + "|9279-1", "UKCore-Observation-VitalSigns-RespirationRate"),
            Map.entry(LOINC + "|2708-6", "UKCore-Observation-VitalSigns-OxygenSaturation"),
            Map.entry(LOINC + "|59408-5", "UKCore-Observation-VitalSigns-OxygenSaturation"),
            Map.entry(LOINC + "|85354-9", "UKCore-Observation-VitalSigns-BloodPressure"),
            Map.entry(LOINC + "|8310-5", "UKCore-Observation-VitalSigns-BodyTemperature"),
            Map.entry(LOINC + "|29463-7", "UKCore-Observation-VitalSigns-BodyWeight"),
            Map.entry(LOINC + "|8302-2", "UKCore-Observation-VitalSigns-BodyHeight"),
            Map.entry(LOINC + "|39156-5", "UKCore-Observation-VitalSigns-BMI"),
            Map.entry(LOINC + "|9843-4", "UKCore-Observation-VitalSigns-HeadCircumference"),
            Map.entry(SNOMED + "|1104051000000101", "UKCore-Observation-EarlyWarningTotalScore"),
            Map.entry(SNOMED + "|1363261000000104", "UKCore-Observation-EarlyWarningTotalScore"));

    private final FhirContext fhir;
    private final Object buildLock = new Object();
    private volatile Engine engine;

    /**
     * Whether to build the validator in the background once the application is ready (the default). The test
     * suite turns it off: its many application starts (two nodes, crash and restart tests) would each spend about
     * 40 s of a core on a validator none of them uses; the tests that validate build it on first use.
     */
    @org.springframework.beans.factory.annotation.Value("${homeward.fhir.validation.warm-up-at-start:true}")
    private boolean warmUpAtStart = true;

    public UkCoreValidator(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** The validator, its support chain and how long building and warming them took. */
    private record Engine(FhirValidator validator, Set<String> ukCoreProfiles, Duration warmUp) {
    }

    /** Builds and warms the validator on its own thread once the application is ready; start-up never waits. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpInBackground() {
        if (!warmUpAtStart) {
            log.info("UK Core validator will be built on first use (homeward.fhir.validation.warm-up-at-start=false)");
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Duration took = warmUp();
                log.info("UK Core validator ready in {} ms", took.toMillis());
            } catch (RuntimeException e) {
                log.error("UK Core validator failed to warm up; the first validation will try again", e);
            }
        }, "uk-core-validator-warm-up");
        thread.setDaemon(true);
        thread.start();
        log.info("UK Core validator warming up in the background");
    }

    /**
     * Builds the validator if nobody has yet (loading UK Core, generating its snapshots and validating one small
     * Patient) and returns how long that took. Later calls return at once with the same figure.
     */
    public Duration warmUp() {
        return engine().warmUp();
    }

    /** Whether the validator has been built and warmed, so a validation now runs without the start-up wait. */
    public boolean isReady() {
        return engine != null;
    }

    /**
     * Validates {@code resource} against UK Core (see the class comment for which profile). Never throws for a bad
     * resource: everything wrong is an issue in the outcome.
     */
    public ValidationOutcome validate(IBaseResource resource) {
        Engine engine = engine();
        Set<Issue> issues = new LinkedHashSet<>();
        ValidationResult result = engine.validator().validateWithResult(resource, optionsFor(resource, engine));
        result.getMessages().forEach(message -> issues.add(toIssue(message)));
        issues.addAll(entryIssues(resource));
        return new ValidationOutcome(new ArrayList<>(issues));
    }

    /**
     * Validates JSON or XML text as sent (so elements HAPI's parser would drop are reported too). Text that is neither
     * or does not parse gives one error issue of type {@code structure} whose message says where the parser stopped.
     */
    public ValidationOutcome validate(String text) {
        EncodingEnum encoding = text == null ? null : EncodingEnum.detectEncodingNoDefault(text);
        if (encoding == null) {
            return unparseable("The body is neither FHIR JSON nor FHIR XML");
        }
        IBaseResource parsed;
        try {
            parsed = encoding.newParser(fhir).parseResource(text);
        } catch (DataFormatException | IllegalArgumentException e) {
            return unparseable("The " + encoding.name() + " body does not parse as a FHIR R4 resource: " + e.getMessage());
        }
        Engine engine = engine();
        Set<Issue> issues = new LinkedHashSet<>();
        ValidationResult result = engine.validator().validateWithResult(text, optionsFor(parsed, engine));
        result.getMessages().forEach(message -> issues.add(toIssue(message)));
        issues.addAll(entryIssues(parsed));
        return new ValidationOutcome(new ArrayList<>(issues));
    }

    /** The profiles to validate against besides those the resource names in {@code meta.profile}. */
    private ValidationOptions optionsFor(IBaseResource resource, Engine engine) {
        ValidationOptions options = new ValidationOptions();
        boolean namesUkCore = resource.getMeta().getProfile().stream()
                .anyMatch(profile -> profile.getValueAsString() != null && profile.getValueAsString().startsWith(UK_CORE));
        if (!namesUkCore) {
            String profile = defaultProfile(resource);
            if (engine.ukCoreProfiles().contains(profile)) {
                options.addProfile(profile);
            }
        }
        return options;
    }

    private String defaultProfile(IBaseResource resource) {
        if (resource instanceof Observation observation) {
            for (Coding coding : observation.getCode().getCoding()) {
                String specific = OBSERVATION_PROFILES.get(coding.getSystem() + "|" + coding.getCode());
                if (specific != null) {
                    return UK_CORE + specific;
                }
            }
        }
        return UK_CORE + "UKCore-" + fhir.getResourceType(resource);
    }

    /** Each Bundle entry validated on its own against its chosen profile, its paths made paths from the Bundle. */
    private List<Issue> entryIssues(IBaseResource resource) {
        List<Issue> issues = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                Resource entry = entries.get(i).getResource();
                if (entry == null) {
                    continue;
                }
                String prefix = "Bundle.entry[" + i + "].resource";
                String type = entry.fhirType();
                for (Issue issue : validate(entry).issues()) {
                    String path = issue.path();
                    if (path != null && (path.equals(type) || path.startsWith(type + ".") || path.startsWith(type + "["))) {
                        path = prefix + path.substring(type.length());
                    }
                    issues.add(new Issue(issue.severity(), path, issue.message(), issue.type()));
                }
            }
        }
        return issues;
    }

    private static Issue toIssue(SingleValidationMessage message) {
        String location = message.getLocationString();
        String path = location == null || location.isBlank() ? null : LOCATION_LABEL.matcher(location).replaceAll("");
        return new Issue(toSeverity(message.getSeverity()), path, message.getMessage(), IssueType.PROCESSING);
    }

    private static Severity toSeverity(ResultSeverityEnum severity) {
        return switch (severity) {
            case FATAL -> Severity.FATAL;
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
    }

    private static ValidationOutcome unparseable(String message) {
        return new ValidationOutcome(List.of(new Issue(Severity.ERROR, null, message, IssueType.STRUCTURE)));
    }

    private Engine engine() {
        Engine built = engine;
        if (built == null) {
            synchronized (buildLock) {
                built = engine;
                if (built == null) {
                    built = build();
                    engine = built;
                }
            }
        }
        return built;
    }

    private Engine build() {
        long start = System.nanoTime();
        PrePopulatedValidationSupport ukCore = loadUkCore();
        long loaded = System.nanoTime();
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.defaultValues(),
                new LanguageTags(fhir), new DefaultProfileValidationSupport(fhir), ukCore,
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                unknownCodeSystems);
        // one worker context for all snapshots: without it the generator builds a new one for each profile (minutes)
        SnapshotGeneratingValidationSupport snapshots =
                new SnapshotGeneratingValidationSupport(fhir, new WorkerContextValidationSupportAdapter(chain));
        chain.addValidationSupport(3, snapshots);
        // FHIR's rule for a CodeableConcept bound to a value set: met when one of its codings is from the value set
        // (HAPI's default asks every coding to be, so UK Core's own example of British Sign Language, coded both as
        // urn:ietf:bcp:47#bfi and in SNOMED CT, failed against 'All Languages'); a coding's own system is still checked
        chain.setCodeableConceptValidationSuccessfulIfNotAllCodingsAreValid(true);
        Set<String> profiles = generateSnapshots(ukCore, snapshots, chain);
        chain.invalidateCaches();
        long snapshotted = System.nanoTime();

        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setErrorForUnknownProfiles(true);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        FhirValidator validator = fhir.newValidator();
        validator.registerValidatorModule(instanceValidator);
        validator.registerValidatorModule(new NhsNumberRule());

        validator.validateWithResult(warmUpPatient(), new ValidationOptions().addProfile(UK_CORE + "UKCore-Patient"));
        long end = System.nanoTime();
        log.info("UK Core validator built: loaded in {} ms, {} snapshots in {} ms, first validation {} ms",
                (loaded - start) / 1_000_000, profiles.size(), (snapshotted - loaded) / 1_000_000,
                (end - snapshotted) / 1_000_000);
        Duration took = Duration.ofNanos(end - start);
        return new Engine(validator, Set.copyOf(profiles), took);
    }

    /** Every UK Core resource on the classpath (the folders of {@code fhir/uk-core/}); a broken file stops start-up. */
    private PrePopulatedValidationSupport loadUkCore() {
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(fhir);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        int count = 0;
        try {
            for (String folder : UK_CORE_FOLDERS) {
                for (org.springframework.core.io.Resource file : resolver.getResources("classpath*:fhir/uk-core/" + folder + "/*.xml")) {
                    try (InputStream in = file.getInputStream()) {
                        support.addResource(fhir.newXmlParser().parseResource(in));
                        count++;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the UK Core resources under fhir/uk-core/", e);
        }
        if (count == 0) {
            throw new IllegalStateException("No UK Core resources found under classpath fhir/uk-core/");
        }
        return support;
    }

    /**
     * Generates the snapshot of every UK Core profile and extension once, single-threaded, and stores it with the
     * profile, so that no two requests ever generate one at the same time (a profile's base gets its snapshot first,
     * inside the generator). Returns the UK Core profile URLs.
     */
    private Set<String> generateSnapshots(PrePopulatedValidationSupport ukCore,
            SnapshotGeneratingValidationSupport generator, ValidationSupportChain chain) {
        Set<String> urls = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        ValidationSupportContext context = new ValidationSupportContext(chain);
        List<IBaseResource> profiles = new ArrayList<>(ukCore.fetchAllStructureDefinitions());
        for (IBaseResource resource : profiles) {
            StructureDefinition profile = (StructureDefinition) resource;
            urls.add(profile.getUrl());
            if (profile.hasSnapshot()) {
                continue;
            }
            IBaseResource generated = generator.generateSnapshot(context, profile, profile.getUrl(), null, profile.getName());
            if (generated instanceof StructureDefinition withSnapshot && withSnapshot.hasSnapshot()) {
                int completed = SnapshotCompletion.inheritUnslicedConstraints(withSnapshot);
                if (completed > 0) {
                    log.debug("Snapshot of {}: {} elements completed from the unsliced element", profile.getUrl(), completed);
                }
                ukCore.addStructureDefinition(withSnapshot);
            } else {
                failed.add(profile.getUrl());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("No snapshot could be generated for " + failed);
        }
        return urls;
    }

    private static Patient warmUpPatient() {
        Patient patient = new Patient();
        patient.getMeta().addProfile(UK_CORE + "UKCore-Patient");
        patient.addIdentifier().setSystem(NhsNumberRule.NHS_NUMBER_SYSTEM).setValue("9434765919");
        patient.addName().setFamily("Warm").addGiven("Up");
        patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.UNKNOWN);
        return patient;
    }
}
