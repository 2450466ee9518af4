package org.homeward.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.escalation.AlertStatus;
import org.homeward.escalation.AlertView;

/**
 * An alert as a UK Core Flag: active until it is closed, then inactive; category clinical; the code says in words
 * what the alert is (an early warning score with its total and severity, a missed reading, a concern, a critical
 * result, a missed dose) and where it stands (not acknowledged, acknowledged, responded).
 */
final class FlagTranslator {

    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

    private FlagTranslator() {
    }

    static Flag toFhir(AlertView alert) {
        Flag flag = new Flag();
        flag.setId(alert.id().toString());
        flag.getMeta().addProfile(UkCore.profile("Flag"));
        flag.setStatus(alert.status() == AlertStatus.CLOSED ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(FLAG_CATEGORY, "clinical", "Clinical")));
        flag.setCode(new CodeableConcept().setText(words(alert)));
        flag.setSubject(new Reference("Patient/" + alert.patientId().value()));
        Period period = new Period().setStart(Date.from(alert.raisedAt()));
        if (alert.closedAt() != null) {
            period.setEnd(Date.from(alert.closedAt()));
        }
        flag.setPeriod(period);
        return flag;
    }

    /** E.g. "Early warning score: NEWS2 7 (high). Not acknowledged; respond by 2026-12-06T14:15:00Z." */
    static String words(AlertView alert) {
        StringBuilder words = new StringBuilder(alert.kind().label());
        if (alert.scoreName() != null && alert.scoreTotal() != null) {
            words.append(": ").append(alert.scoreName()).append(' ').append(alert.scoreTotal());
        }
        words.append(" (").append(alert.severity().label().toLowerCase()).append(")");
        if (alert.reason() != null && !alert.reason().isBlank()) {
            words.append(". ").append(alert.reason());
        }
        words.append(". ").append(alert.status().label());
        if (alert.status() != AlertStatus.CLOSED && alert.respondBy() != null) {
            words.append("; respond by ").append(alert.respondBy());
        }
        return words.append('.').toString();
    }
}
