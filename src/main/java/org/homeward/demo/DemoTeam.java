package org.homeward.demo;

import java.util.List;
import org.homeward.referral.ReferralSource;

/**
 * Who does what in the demo: which demo user refers from each source, which senior decision-makers triage, admit,
 * hold accountability for and discharge each ward's patients, and the inpatient wards step-downs leave from.
 * Every choice keeps the user inside the patient's care team, so the services' access checks pass.
 */
final class DemoTeam {

    record InpatientStay(String ward, String consultant) {
    }

    private static final List<InpatientStay> ADULT_WARDS = List.of(
            new InpatientStay("Durnover Ward (Medicine for Older People)", "Dr Alice Fairweather"),
            new InpatientStay("Portland Ward (Respiratory Medicine)", "Dr Kofi Osei"),
            new InpatientStay("Chesil Ward (Acute Medical Unit)", "Dr Hugh Pennington"));
    private static final List<InpatientStay> CARDIOLOGY_WARDS = List.of(
            new InpatientStay("Lulworth Ward (Cardiology)", "Dr Nikhil Bose"),
            new InpatientStay("Chesil Ward (Acute Medical Unit)", "Dr Hugh Pennington"));
    private static final List<InpatientStay> CHILDREN_WARDS = List.of(
            new InpatientStay("Kingfisher Ward (Children's)", "Dr Eleanor Marchant"),
            new InpatientStay("Puffin Ward (Children's Surgery)", "Mr Rotimi Oduya"));

    private DemoTeam() {
    }

    static String referrer(DemoRandom random, DemoWard ward, ReferralSource source) {
        return switch (source) {
            case EMERGENCY_DEPARTMENT -> "referrer";
            case SDEC -> "referrer2";
            case INPATIENT_WARD -> ward == DemoWard.CHILDREN ? "consultant4" : "referrer3";
            case GP -> random.pick(List.of("gp2", "gp3"));
            case SINGLE_POINT_OF_ACCESS, AMBULANCE -> "spoa";
            case COMMUNITY -> switch (ward) {
                case FRAILTY_RESPIRATORY -> "nurse2";
                case HEART_FAILURE -> "nurse4";
                case CHILDREN -> "nurse3";
            };
        };
    }

    /** Senior decision-makers for the ward, repeated to weight who carries most of the caseload. */
    static List<String> deciders(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> List.of("consultant", "consultant", "consultant2", "gp", "practitioner");
            case HEART_FAILURE -> List.of("consultant3");
            case CHILDREN -> List.of("consultant4");
        };
    }

    static InpatientStay inpatientStay(DemoRandom random, DemoWard ward) {
        return random.pick(switch (ward) {
            case FRAILTY_RESPIRATORY -> ADULT_WARDS;
            case HEART_FAILURE -> CARDIOLOGY_WARDS;
            case CHILDREN -> CHILDREN_WARDS;
        });
    }
}
