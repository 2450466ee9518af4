package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.homeward.security.SecurityService;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADT over MLLP through real TCP sockets to the running listener: stored, applied and acknowledged; repeats applied
 * once; bad messages of each kind refused with an ERR saying why and nothing written; and the listener keeps serving.
 */
@IntegrationTest
class AdtInboundIT {

    static final String ENGINE = EngineAccount.USERNAME;

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void engineAccount() {
        EngineAccount.ensure(security);
    }

    String send(String message) throws IOException {
        try (Mllp mllp = new Mllp(listener.port())) {
            return mllp.send(message);
        }
    }

    Map<String, Object> patient(String nhsNumber) {
        return jdbc.sql("select * from patient where nhs_number = ?").param(nhsNumber).query().singleRow();
    }

    int patients(String nhsNumber) {
        return jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhsNumber).query(Integer.class)
                .single();
    }

    Map<String, Object> stored(String controlId, String outcome) {
        return jdbc.sql("select * from hl7_message where control_id = ? and outcome = ?").params(controlId, outcome)
                .query().singleRow();
    }

    int storedRows(String controlId) {
        return jdbc.sql("select count(*) from hl7_message where control_id = ?").param(controlId)
                .query(Integer.class).single();
    }

    @Test
    void registersThePatientFromAnA04AndAcknowledgesOnlyAfterStoringIt() throws IOException {
        AdtMessages m = AdtMessages.a("A04");

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AA|" + m.controlId);
        Map<String, Object> patient = patient(m.nhsNumber);
        assertThat(patient).containsEntry("family_name", "SMITH").containsEntry("given_name", "Joan")
                .containsEntry("sex", "FEMALE").containsEntry("postcode", "DT1 1AA")
                .containsEntry("gp_practice_code", "J81012").containsEntry("ethnic_category", "A")
                .containsEntry("town", "Dorchester").containsEntry("phone", "01305 123456");
        Map<String, Object> row = stored(m.controlId, "APPLIED");
        assertThat(row).containsEntry("patient_id", patient.get("id")).containsEntry("local_number", m.localNumber)
                .containsEntry("trigger_event", "A04").containsEntry("acted_as", ENGINE)
                .containsEntry("ack_code", "AA").containsEntry("sending_application", "TRUST_TIE");
        assertThat((String) row.get("raw")).isEqualTo(m.text());
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and username = ?")
                .params(patient.get("id"), ENGINE).query(Integer.class).single()).isPositive();
    }

    @Test
    void updatesThePatientFromAnA08AsACorrectionWithItsHistory() throws IOException {
        AdtMessages first = AdtMessages.a("A01");
        assertThat(send(first.text())).contains("MSA|AA|");
        AdtMessages update = AdtMessages.a("A08");
        update.nhsNumber = first.nhsNumber;
        update.nhsType = "HN";
        update.version = "2.3";
        update.family = "SMITH-JONES";
        update.address = "4 Mill Lane^^Bridport^^DT6 3QT";

        assertThat(send(update.text())).contains("MSA|AA|" + update.controlId);

        assertThat(patient(first.nhsNumber)).containsEntry("family_name", "SMITH-JONES")
                .containsEntry("town", "Bridport").containsEntry("postcode", "DT6 3QT");
        assertThat(jdbc.sql("select count(*) from patient_change where patient_id = ? and username = ?")
                .params(patient(first.nhsNumber).get("id"), ENGINE).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(stored(update.controlId, "APPLIED").get("what_was_done")).asString().contains("updated");
    }

    @Test
    void aRepeatedControlIdIsAcknowledgedButNotAppliedTwice() throws IOException {
        AdtMessages registered = AdtMessages.a("A28");
        assertThat(send(registered.text())).contains("MSA|AA|");
        AdtMessages rename = AdtMessages.a("A31");
        rename.nhsNumber = registered.nhsNumber;
        rename.family = "BROWN";
        assertThat(send(rename.text())).contains("MSA|AA|");
        AdtMessages repeat = AdtMessages.a("A31");
        repeat.nhsNumber = registered.nhsNumber;
        repeat.controlId = rename.controlId;
        repeat.family = "GREEN";

        String ack = send(repeat.text());

        assertThat(ack).contains("MSA|AA|" + rename.controlId).contains("not applied again");
        assertThat(patient(registered.nhsNumber)).containsEntry("family_name", "BROWN");
        assertThat(storedRows(rename.controlId)).isEqualTo(2);
        assertThat(stored(rename.controlId, "DUPLICATE")).containsEntry("patient_id",
                patient(registered.nhsNumber).get("id"));
    }

    @Test
    void aWrongNhsNumberCheckDigitIsRefusedNamingPid3AndNothingIsWritten() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        String valid = m.nhsNumber;
        m.nhsNumber = valid.substring(0, 9) + ((valid.charAt(9) - '0' + 1) % 10);

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AE|" + m.controlId).contains("ERR|").contains("PID^1^3")
                .contains("wrong check digit");
        assertThat(patients(m.nhsNumber) + patients(valid)).isZero();
        assertThat(stored(m.controlId, "ERROR")).containsEntry("error_location", "PID^1^3")
                .containsEntry("ack_code", "AE");
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingTheField() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        m.dateOfBirth = "";

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AE|").contains("PID^1^7").contains("PID-7 (date of birth) is required");
        assertThat(patients(m.nhsNumber)).isZero();
    }

    @Test
    void aTruncatedMessageIsRejectedAndNothingIsWritten() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        String truncated = m.msh() + "\r" + m.evn();

        String ack = send(truncated);

        assertThat(ack).contains("MSA|AR|" + m.controlId).contains("ERR|").contains("no PID segment");
        assertThat(patients(m.nhsNumber)).isZero();
        assertThat(stored(m.controlId, "REJECTED")).containsEntry("raw", truncated);
    }

    @Test
    void aMessageCutInsideItsHeaderIsRejected() throws IOException {
        String cut = "MSH|^~\\&|TRUST_TIE|RBD|HOM";

        String ack = send(cut);

        assertThat(ack).contains("MSA|AR").contains("ERR|");
        assertThat(jdbc.sql("select count(*) from hl7_message where raw = ? and outcome = 'REJECTED'").param(cut)
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void anEvnAfterThePidIsRejectedAsAWrongSegmentOrder() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        m.evnAfterPid = true;

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AR|").contains("ERR|");
        assertThat(patients(m.nhsNumber)).isZero();
        assertThat(stored(m.controlId, "REJECTED").get("error")).asString().isNotBlank();
    }

    @Test
    void aPidBeforeTheMshIsRejected() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        m.pidBeforeMsh = true;

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AR").contains("ERR|");
        assertThat(patients(m.nhsNumber)).isZero();
    }

    @Test
    void anEventHomewardDoesNotTakeIsRejected() throws IOException {
        AdtMessages m = AdtMessages.a("A05");

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AR|" + m.controlId).contains("not an event Homeward takes");
        assertThat(patients(m.nhsNumber)).isZero();
        assertThat(stored(m.controlId, "REJECTED")).containsEntry("ack_code", "AR");
    }

    @Test
    void garbageDoesNotStopTheListener() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        try (Mllp mllp = new Mllp(listener.port())) {
            String answer = mllp.send("this is not HL7 at all");
            assertThat(answer).contains("MSA|AR");
            assertThat(mllp.send(m.text())).contains("MSA|AA|" + m.controlId);
        }
        try (Mllp unframed = new Mllp(listener.port())) {
            unframed.sendRaw("\u0000\u00ff garbage without any framing\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        AdtMessages next = AdtMessages.a("A04");
        assertThat(send(next.text())).contains("MSA|AA|" + next.controlId);
        assertThat(patients(m.nhsNumber) + patients(next.nhsNumber)).isEqualTo(2);
    }

    @Test
    void anA40WithoutAnMrgSegmentIsRefusedNamingMrg1() throws IOException {
        AdtMessages m = AdtMessages.a("A40");

        String ack = send(m.text());

        assertThat(ack).contains("MSA|AE|" + m.controlId).contains("MRG^1^1").contains("needs an MRG segment");
        assertThat(patients(m.nhsNumber)).isZero();
        assertThat(stored(m.controlId, "ERROR")).containsEntry("ack_code", "AE")
                .containsEntry("error_location", "MRG^1^1");
    }
}
