package org.homeward.hl7v2;

import java.util.ArrayList;
import java.util.List;
import org.homeward.support.Fixtures;

/** ADT messages as an NHS trust's integration engine sends them, one builder per test message. */
final class AdtMessages {

    String version = "2.4";
    String event = "A04";
    String controlId = Fixtures.unique("MSG");
    String nhsNumber = Fixtures.newNhsNumber();
    String nhsType = "NH";
    String localNumber = "RX1" + Math.abs(controlId.hashCode());
    String family = "SMITH";
    String given = "Joan";
    String dateOfBirth = "19460312";
    String sex = "F";
    String address = "1 High Street^Flat 2^Dorchester^^DT1 1AA";
    String phone = "01305 123456";
    String ethnic = "A";
    String practice = "DORSET MEDICAL PRACTICE^^^^^^^^^J81012";
    String pv1 = "PV1|1|I|WARD 4^BAY 2^BED 3^RBD||||C123^JONES^ANNA";
    /** An A40's MRG segment (the retired record), put after PD1; none when null. */
    String mrg;
    boolean evnAfterPid;
    boolean pidBeforeMsh;

    static AdtMessages a(String event) {
        AdtMessages m = new AdtMessages();
        m.event = event;
        return m;
    }

    /** An A40 merging the record of {@code retiredNhsNumber} into the one of {@code survivorNhsNumber}. */
    static AdtMessages merge(String survivorNhsNumber, String retiredNhsNumber) {
        AdtMessages m = a("A40");
        m.nhsNumber = survivorNhsNumber;
        m.mrg = "MRG|" + retiredNhsNumber + "^^^NHS^NH";
        return m;
    }

    String msh() {
        return "MSH|^~\\&|TRUST_TIE|RBD|HOMEWARD|HAH|20261206101500||ADT^" + event + "|" + controlId + "|P|" + version;
    }

    String evn() {
        return "EVN|" + event + "|20261206101500";
    }

    String pid() {
        return "PID|1||" + nhsNumber + "^^^NHS^" + nhsType + "~" + localNumber + "^^^RBD^MR||" + family + "^" + given
                + "^^^MRS||" + dateOfBirth + "|" + sex + "|||" + address + "||" + phone + "|||||||||" + ethnic;
    }

    String pd1() {
        return "PD1|||" + practice;
    }

    String text() {
        List<String> segments = new ArrayList<>();
        if (pidBeforeMsh) {
            segments.add(pid());
            segments.add(msh());
            segments.add(evn());
        } else if (evnAfterPid) {
            segments.add(msh());
            segments.add(pid());
            segments.add(evn());
        } else {
            segments.add(msh());
            segments.add(evn());
            segments.add(pid());
        }
        segments.add(pd1());
        if (mrg != null) {
            segments.add(mrg);
        }
        segments.add(pv1);
        return String.join("\r", segments);
    }
}
