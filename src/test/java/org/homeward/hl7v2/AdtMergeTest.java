package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ADT_A39;
import org.homeward.shared.NhsNumber;
import org.homeward.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** MRG-1 of an A40 read as the listener parses it (HAPI's v2.5.1 ADT_A39), and each unreadable MRG refused. */
class AdtMergeTest {

    static final HapiContext HAPI = MllpListener.newContext();

    @AfterAll
    static void close() throws java.io.IOException {
        HAPI.close();
    }

    static Message parsed(AdtMessages m) throws HL7Exception {
        return HAPI.getPipeParser().parse(m.text());
    }

    static AdtMessages a40(String mrg) {
        AdtMessages m = AdtMessages.a("A40");
        m.mrg = mrg;
        return m;
    }

    @Test
    void anA40IsParsedIntoTheAdtA39StructureWithItsMrg() throws HL7Exception {
        String retired = Fixtures.newNhsNumber();

        Message message = parsed(AdtMessages.merge(Fixtures.newNhsNumber(), retired));

        assertThat(message).isInstanceOf(ADT_A39.class);
        assertThat(AdtMerge.read(message)).isEqualTo(new AdtMerge(NhsNumber.of(retired), null));
    }

    @Test
    void readsTheNhsNumberByAssigningAuthorityOrTypeAndTheLocalNumberByType() throws HL7Exception {
        String nhs = Fixtures.newNhsNumber();

        assertThat(AdtMerge.read(parsed(a40("MRG|" + nhs + "^^^NHS~RX123^^^RBD^MR"))))
                .isEqualTo(new AdtMerge(NhsNumber.of(nhs), "RX123"));
        assertThat(AdtMerge.read(parsed(a40("MRG|RX9^^^RBD^PI~" + nhs + "^^^^HN"))))
                .isEqualTo(new AdtMerge(NhsNumber.of(nhs), "RX9"));
        assertThat(AdtMerge.read(parsed(a40("MRG|RX7^^^RBD^MR"))))
                .isEqualTo(new AdtMerge(null, "RX7"));
        assertThat(AdtMerge.read(parsed(a40("MRG|RX7^^^RBD^MR"))).words()).isEqualTo("local number RX7");
    }

    @Test
    void noMrgSegmentIsRefusedNamingMrg1() throws HL7Exception {
        Message message = parsed(a40(null));

        assertThatThrownBy(() -> AdtMerge.read(message)).isInstanceOfSatisfying(AdtRefusal.class, e -> {
            assertThat(e.location()).isEqualTo("MRG^1^1");
            assertThat(e.getMessage()).contains("needs an MRG segment");
        });
    }

    @Test
    void anMrg1WithNeitherNumberIsRefusedNamingIt() throws HL7Exception {
        Message message = parsed(a40("MRG|12345^^^OTHER^XX|||||||SMITH^JOAN"));

        assertThatThrownBy(() -> AdtMerge.read(message)).isInstanceOfSatisfying(AdtRefusal.class, e -> {
            assertThat(e.location()).isEqualTo("MRG^1^1");
            assertThat(e.getMessage()).startsWith("MRG-1 has neither an NHS number");
        });
    }

    @Test
    void aWrongCheckDigitInMrg1IsRefusedNamingIt() throws HL7Exception {
        String valid = Fixtures.newNhsNumber();
        String wrong = valid.substring(0, 9) + ((valid.charAt(9) - '0' + 1) % 10);
        Message message = parsed(a40("MRG|" + wrong + "^^^NHS^NH"));

        assertThatThrownBy(() -> AdtMerge.read(message)).isInstanceOfSatisfying(AdtRefusal.class, e -> {
            assertThat(e.location()).isEqualTo("MRG^1^1");
            assertThat(e.getMessage()).startsWith("MRG-1: ");
        });
    }
}
