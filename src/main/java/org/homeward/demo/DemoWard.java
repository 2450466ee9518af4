package org.homeward.demo;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.homeward.shared.OrganisationId;
import org.homeward.ward.CreateWard;
import org.homeward.ward.Pathway;

/**
 * The three demo virtual wards (120 beds), shaped on the Dorset service specification and, for children, on the
 * Islington children's Hospital at Home abstract (IV antibiotics, NG feeding, nebulisers, oxygen, phototherapy,
 * monitoring and carer support). In-hours and out-of-hours numbers are in Ofcom's 01632 960 drama range, so none rings anyone.
 */
enum DemoWard {
    FRAILTY_RESPIRATORY("Adult Frailty and Respiratory Virtual Ward",
            EnumSet.of(Pathway.ADULT_FRAILTY, Pathway.RESPIRATORY), DemoOrganisation.ACUTE, 60, LocalTime.of(22, 0),
            "Acute medicine registrar on call via Wessex Coast switchboard; overnight Hospital at Home nurse visits",
            "01632 960 101", "01632 960 111", 18, 130, """
            Adults registered with a Dorset GP who are acutely unwell and would otherwise need a hospital bed, and who \
            are safe at home with up to three visits a day and remote monitoring. Typical: frailty (Clinical Frailty \
            Scale 5-8) with an acute illness such as infection, a fall without a fracture, or delirium; \
            exacerbation of COPD or bronchiectasis; community-acquired pneumonia with CURB-65 of 0-2. NEWS2 of 4 or \
            less, or 5-6 with a senior decision-maker's agreement. Needs a safe home, a working phone and consent or a \
            best interests decision. Not suitable: suspected sepsis with lactate above 2 mmol/L, new oxygen need above \
            4 L/min, acute coronary syndrome, fracture needing surgery, need for one-to-one care overnight with no carer."""),
    HEART_FAILURE("Heart Failure Virtual Ward", EnumSet.of(Pathway.HEART_FAILURE), DemoOrganisation.ACUTE, 30,
            LocalTime.of(20, 0), "Cardiology registrar on call via Wessex Coast switchboard", "01632 960 102", "01632 960 112", 18, 130,
            """
            Adults with heart failure confirmed by echocardiogram, or suspected with NT-proBNP above 2000 ng/L, who \
            are fluid overloaded and need IV or subcutaneous diuretics with daily clinical review, weights and blood \
            tests at home; or who step down from a cardiology or medical ward to complete diuresis. Systolic blood \
            pressure 90 mmHg or more, potassium 3.5-5.5 mmol/L, eGFR 20 or more. Not suitable: acute coronary \
            syndrome, arrhythmia needing cardiac monitoring, cardiogenic shock, oxygen saturation below 92% on air."""),
    CHILDREN("Children's Hospital at Home", EnumSet.of(Pathway.PAEDIATRICS), DemoOrganisation.COMMUNITY, 30,
            LocalTime.of(22, 0),
            "Children's community nurse on call, then the paediatric registrar at Wessex Coast", "01632 960 103",
            "01632 960 113", 0,
            17, """
            Children and young people aged 0-17 registered with a Dorset GP, referred from the emergency department, \
            a ward or the community, who are acutely unwell and need an intervention that can be given safely at \
            home (IV antibiotics, NG tube feeding, nebulisers, oxygen up to 1 L/min, phototherapy for neonatal \
            jaundice), and/or regular monitoring of the trajectory of illness, and/or support for the parent or carer \
            to look after the child at home. Shared care with the acute paediatric team. A parent or carer with \
            parental responsibility consents and is present. PEWS 0-2 at referral. Not suitable: apnoeas, oxygen need \
            above 1 L/min, bilirubin at or above the exchange transfusion threshold, safeguarding concern without a plan.""");

    private final String displayName;
    private final Set<Pathway> pathways;
    private final DemoOrganisation host;
    private final int beds;
    private final LocalTime closesAt;
    private final String outOfHoursContact;
    private final String outOfHoursPhone;
    private final String inHoursPhone;
    private final int minAgeYears;
    private final int maxAgeYears;
    private final String admissionCriteria;

    DemoWard(String displayName, Set<Pathway> pathways, DemoOrganisation host, int beds, LocalTime closesAt,
            String outOfHoursContact, String outOfHoursPhone, String inHoursPhone, int minAgeYears, int maxAgeYears,
            String admissionCriteria) {
        this.displayName = displayName;
        this.pathways = pathways;
        this.host = host;
        this.beds = beds;
        this.closesAt = closesAt;
        this.outOfHoursContact = outOfHoursContact;
        this.outOfHoursPhone = outOfHoursPhone;
        this.inHoursPhone = inHoursPhone;
        this.minAgeYears = minAgeYears;
        this.maxAgeYears = maxAgeYears;
        this.admissionCriteria = admissionCriteria;
    }

    String displayName() {
        return displayName;
    }

    DemoOrganisation host() {
        return host;
    }

    /**
     * The organisation that visits and shares the care besides the host: community nurses visit the adults on the
     * acute trust's wards; children on the community provider's ward are in shared care with the acute paediatric
     * team (Islington abstract).
     */
    DemoOrganisation visiting() {
        return host == DemoOrganisation.ACUTE ? DemoOrganisation.COMMUNITY : DemoOrganisation.ACUTE;
    }

    /** The demo administrator of the hosting organisation, who opens the ward. */
    String administrator() {
        return host == DemoOrganisation.ACUTE ? "admin" : "admin2";
    }

    int beds() {
        return beds;
    }

    boolean isPaediatric() {
        return pathways.contains(Pathway.PAEDIATRICS);
    }

    boolean admitsAge(int ageYears) {
        return ageYears >= minAgeYears && ageYears <= maxAgeYears;
    }

    CreateWard command(OrganisationId hostId) {
        return command(hostId, displayName);
    }

    /** Opens a ward like this one under another name: a copy in a service loaded several times over. */
    CreateWard command(OrganisationId hostId, String name) {
        return new CreateWard(name, EnumSet.copyOf(pathways), hostId, beds, LocalTime.of(8, 0), closesAt,
                outOfHoursContact, outOfHoursPhone, inHoursPhone, minAgeYears, maxAgeYears, admissionCriteria);
    }
}
