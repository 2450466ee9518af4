package org.homeward.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.i18n.LanguageTag;
import org.hl7.fhir.utilities.i18n.subtag.LanguageSubtagRegistry;
import org.hl7.fhir.utilities.i18n.subtag.LanguageSubtagRegistryLoader;

/**
 * Checks languages ({@code urn:ietf:bcp:47}, the 'All Languages' value set UK Core binds a patient's communication
 * language to) against the IANA language subtag registry, as BCP 47 defines them, with the HL7 core library's parser
 * and the copy of the registry it ships ({@code org.hl7.fhir.utilities}). HAPI's own language check knows a shorter
 * list, without three-letter ISO 639-3 languages, and refused British Sign Language ({@code bfi}), the language of a
 * Deaf patient whose interpreter need the record must carry (UK Core's own example RichardSmith). A tag the registry
 * does not know ({@code xyz}, {@code en-XX}) is refused as before, naming the tag.
 */
final class LanguageTags implements IValidationSupport {

    static final String SYSTEM = "urn:ietf:bcp:47";
    static final String ALL_LANGUAGES = CommonCodeSystemsTerminologyService.ALL_LANGUAGES_VALUESET_URL;

    private final FhirContext fhir;
    private final LanguageSubtagRegistry registry = new LanguageSubtagRegistry();

    LanguageTags(FhirContext fhir) {
        this.fhir = fhir;
        try {
            new LanguageSubtagRegistryLoader(registry).loadFromDefaultResource();
        } catch (IOException e) {
            throw new UncheckedIOException("the IANA language subtag registry could not be read", e);
        }
    }

    @Override
    public FhirContext getFhirContext() {
        return fhir;
    }

    @Override
    public String getName() {
        return "Homeward BCP 47 language tags";
    }

    @Override
    public boolean isCodeSystemSupported(ValidationSupportContext context, String system) {
        return SYSTEM.equals(system);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
        return ALL_LANGUAGES.equals(unversioned(valueSetUrl));
    }

    @Override
    public CodeValidationResult validateCode(ValidationSupportContext context, ConceptValidationOptions options,
            String system, String code, String display, String valueSetUrl) {
        if (!SYSTEM.equals(system) || (valueSetUrl != null && !ALL_LANGUAGES.equals(unversioned(valueSetUrl)))) {
            return null;
        }
        return check(code);
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(ValidationSupportContext context, ConceptValidationOptions options,
            String system, String code, String display, IBaseResource valueSet) {
        String url = CommonCodeSystemsTerminologyService.getValueSetUrl(fhir, valueSet);
        if (!ALL_LANGUAGES.equals(unversioned(url)) || (system != null && !SYSTEM.equals(system))) {
            return null;
        }
        return check(code);
    }

    /** The tag's meaning when the registry knows each of its parts, else an error naming the tag. */
    CodeValidationResult check(String code) {
        if (code == null || code.isBlank()) {
            return error(code, "A language tag is required");
        }
        try {
            LanguageTag tag = new LanguageTag(registry, code);
            return new CodeValidationResult().setCodeSystemName(SYSTEM).setCode(code).setDisplay(tag.present());
        } catch (RuntimeException e) { // FHIRException for a part the registry lacks; the parser's own for a malformed tag
            return error(code, "Unknown language tag '" + code + "' (" + SYSTEM + "): " + e.getMessage());
        }
    }

    private static CodeValidationResult error(String code, String message) {
        return new CodeValidationResult().setCode(code).setSeverity(IssueSeverity.ERROR).setMessage(message);
    }

    private static String unversioned(String url) {
        return url == null ? null : url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
    }
}
