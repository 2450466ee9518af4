package org.homeward.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.RecordAccessed.Action;
import org.homeward.shared.RecordAccessed.Actor;
import org.junit.jupiter.api.Test;

class RecordAccessedTests {

    private static final Actor NURSE = new Actor("nurse", UUID.randomUUID(), "Community provider", "CLINICIAN");

    @Test
    void factoriesWriteTheLineFieldByFieldAsBefore() {
        PatientId patient = PatientId.random();
        UUID decision = UUID.randomUUID();

        assertThat(RecordAccessed.created(NURSE, AuditedRecord.SPO2_SCALE_DECISION, decision, patient, "documented"))
                .isEqualTo(new RecordAccessed(NURSE, Action.CREATE, "SpO2ScaleDecision", decision.toString(),
                        patient.value(), "documented"));
        assertThat(RecordAccessed.read(NURSE, AuditedRecord.OBSERVATION_CHART, null, patient, "viewed"))
                .isEqualTo(new RecordAccessed(NURSE, Action.READ, "ObservationChart", null, patient.value(), "viewed"));
        assertThat(RecordAccessed.updated(NURSE, AuditedRecord.SIGN_IN_LOCK, "nurse", null, "unlocked"))
                .isEqualTo(new RecordAccessed(NURSE, Action.UPDATE, "SignInLock", "nurse", null, "unlocked"));
        assertThat(RecordAccessed.denied(NURSE, AuditedRecord.PATIENT, patient, patient, "refused"))
                .isEqualTo(new RecordAccessed(NURSE, Action.DENIED, "Patient", patient.toString(), patient.value(),
                        "refused"));
    }

    @Test
    void aListWritesOneReadLinePerPatientShown() {
        PatientId first = PatientId.random();
        PatientId second = PatientId.random();
        WardId ward = new WardId(UUID.randomUUID());

        RecordsAccessed lines = RecordsAccessed.listed(NURSE, AuditedRecord.WARD_CENSUS, ward,
                List.of(first, second, first), "listed");

        assertThat(lines.entries()).containsExactly(
                new RecordAccessed(NURSE, Action.READ, "WardCensus", ward.toString(), first.value(), "listed"),
                new RecordAccessed(NURSE, Action.READ, "WardCensus", ward.toString(), second.value(), "listed"));
    }

    @Test
    void namesEachKindOfRecordOnce() {
        assertThat(Arrays.stream(AuditedRecord.values()).map(AuditedRecord::storedAs)).doesNotHaveDuplicates();
    }
}
