package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.homeward.escalation.AlertKind;
import org.homeward.escalation.AlertSeverity;
import org.homeward.escalation.AlertStatus;
import org.homeward.escalation.AlertTier;
import org.homeward.escalation.AlertView;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.referral.DischargeDestination;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stay as an Encounter and an alert as a Flag: their status follows the record exactly. */
class EncounterAndFlagTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final Instant ADMITTED = Instant.parse("2026-12-01T10:00:00Z");
    static final VirtualWard WARD = new VirtualWard(new WardId(UUID.randomUUID()), "Frailty virtual ward",
            Set.of(Pathway.ADULT_FRAILTY), new OrganisationId(UUID.randomUUID()), 20, LocalTime.of(8, 0),
            LocalTime.of(20, 0), "On-call registrar", "01305 255000", 18, 130, "Frail adults", "01305 255001");

    static AdmissionView admission(Instant dischargedAt) {
        boolean discharged = dischargedAt != null;
        return new AdmissionView(new AdmissionId(UUID.randomUUID()), new ReferralId(UUID.randomUUID()), PATIENT,
                WARD.id(), new UserId(UUID.randomUUID()), "Dr Asha Patel", ADMITTED, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 5), ConsentGivenBy.PATIENT, true, null, null, "Prefers home", null,
                dischargedAt, discharged ? LocalDate.of(2026, 12, 4) : null,
                discharged ? DischargeDestination.USUAL_RESIDENCE : null, null, null,
                discharged ? "Recovered" : null, discharged ? 3 : null, null);
    }

    @Test
    void anOpenAdmissionIsInProgressAndADischargedOneFinishedWithItsLengthAndDestination() {
        Encounter open = EncounterTranslator.toFhir(admission(null), WARD);
        assertThat(open.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
        assertThat(open.getPeriod().hasEnd()).isFalse();
        assertThat(open.getClass_().getCode()).isEqualTo("HH");
        assertThat(open.getLocationFirstRep().getLocation().getDisplay()).isEqualTo("Frailty virtual ward");
        assertThat(open.getParticipantFirstRep().getIndividual().getDisplay()).isEqualTo("Dr Asha Patel");

        Instant discharged = Instant.parse("2026-12-04T15:00:00Z");
        Encounter finished = EncounterTranslator.toFhir(admission(discharged), WARD);
        assertThat(finished.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(finished.getPeriod().getEnd().toInstant()).isEqualTo(discharged);
        assertThat(finished.getLength().getValue().intValue()).isEqualTo(3);
        assertThat(finished.getHospitalization().getDischargeDisposition().getText())
                .isEqualTo("Usual place of residence");
    }

    @ParameterizedTest
    @EnumSource(AlertStatus.class)
    void aFlagIsActiveExactlyWhileItsAlertIsNotClosed(AlertStatus status) {
        boolean closed = status == AlertStatus.CLOSED;
        AlertView alert = new AlertView(UUID.randomUUID(), PATIENT, WARD.id(), AlertKind.EARLY_WARNING,
                AlertSeverity.HIGH, "NEWS2", 7, false, "Respiratory rate 26", ADMITTED, ADMITTED,
                ADMITTED.plusSeconds(900), 15, AlertTier.WARD_TEAM, null, status, null, null, null, null, null, null,
                closed ? "nurse1" : null, closed ? ADMITTED.plusSeconds(3600) : null);
        Flag flag = FlagTranslator.toFhir(alert);
        assertThat(flag.getStatus()).isEqualTo(closed ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
        assertThat(flag.getPeriod().hasEnd()).isEqualTo(closed);
        assertThat(flag.getCode().getText()).startsWith("Early warning score: NEWS2 7 (high). Respiratory rate 26. ")
                .contains(status.label());
        assertThat(flag.getSubject().getReference()).isEqualTo("Patient/" + PATIENT.value());
    }
}
