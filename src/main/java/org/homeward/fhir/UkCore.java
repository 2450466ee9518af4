package org.homeward.fhir;

/** The UK Core STU2 and NHS identifiers, profiles, extensions and code systems Homeward's resources use. */
final class UkCore {

    private UkCore() {
    }

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";

    static final String PROFILE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
    static final String EXTENSION = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-";
    static final String CODE_SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-";

    static final String NHS_NUMBER_VERIFICATION = EXTENSION + "NHSNumberVerificationStatus";
    static final String NHS_NUMBER_VERIFICATION_CODES = CODE_SYSTEM + "NHSNumberVerificationStatusEngland";
    static final String ETHNIC_CATEGORY = EXTENSION + "EthnicCategory";
    static final String ETHNIC_CATEGORY_CODES = CODE_SYSTEM + "EthnicCategoryEngland";

    /** Homeward's own identifier systems: its record ids, and the ids device platforms give their readings. */
    static final String HOMEWARD_ID = "https://homeward.nhs.example/Id/";

    static String profile(String name) {
        return PROFILE + name;
    }
}
