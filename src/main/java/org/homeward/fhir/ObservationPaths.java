package org.homeward.fhir;

/** Where an ingest refusal's field (readings[i].value, .recordedAt, .patientId) is in an Observation. */
final class ObservationPaths {

    private ObservationPaths() {
    }

    static String of(String field, String prefix) {
        String name = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return switch (name) {
            case "value" -> prefix + ".value[x]";
            case "code" -> prefix + ".value[x]";
            case "recordedAt" -> prefix + ".effectiveDateTime";
            case "patientId" -> prefix + ".subject";
            case "deviceId" -> prefix + ".device";
            case "id" -> prefix + ".identifier";
            default -> prefix;
        };
    }
}
