package org.homeward.fhir.validation;

import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.shared.NhsNumber;

/**
 * Homeward's own check of a Patient's NHS number, which UK Core STU2 leaves open: its {@code identifier:nhsNumber}
 * slice fixes the system but says nothing of the value, and its slicing is open, so an identifier with a misspelt
 * or retired system is simply not an NHS number to UK Core. Homeward matches patients by NHS number, so both are
 * errors here.
 * <ul>
 * <li>an identifier with the NHS number system whose value is not a valid NHS number (ten digits and the
 * Modulus 11 check digit; the rule is {@link NhsNumber#problemWith} and nowhere else), at {@code .value};</li>
 * <li>an identifier whose system names an NHS number but is not {@value #NHS_NUMBER_SYSTEM} (for example the
 * retired Care Connect system {@code http://fhir.nhs.net/Id/nhs-number}), at {@code .system}.</li>
 * </ul>
 */
final class NhsNumberRule implements IValidatorModule {

    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    @Override
    public void validateResource(IValidationContext<IBaseResource> context) {
        if (!(context.getResource() instanceof Patient patient)) {
            return;
        }
        List<Identifier> identifiers = patient.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier identifier = identifiers.get(i);
            String path = "Patient.identifier[" + i + "]";
            if (NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
                String problem = NhsNumber.problemWith(identifier.getValue());
                if (problem != null) {
                    context.addValidationMessage(error(path + ".value", problem));
                }
            } else if (namesAnNhsNumber(identifier.getSystem())) {
                context.addValidationMessage(error(path + ".system", "The identifier system '" + identifier.getSystem()
                        + "' is not the NHS number system: an NHS number must have system " + NHS_NUMBER_SYSTEM));
            }
        }
    }

    private static boolean namesAnNhsNumber(String system) {
        if (system == null) {
            return false;
        }
        String letters = system.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.contains("nhsnumber") || letters.contains("nhsno");
    }

    private static SingleValidationMessage error(String path, String message) {
        SingleValidationMessage result = new SingleValidationMessage();
        result.setSeverity(ResultSeverityEnum.ERROR);
        result.setLocationString(path);
        result.setMessage(message);
        result.setMessageId("Homeward_NhsNumber");
        return result;
    }
}
