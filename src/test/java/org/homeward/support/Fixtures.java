package org.homeward.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.AdmitPatient;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.TriageDecision;
import org.homeward.referral.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.NhsNumber;
import org.homeward.ward.CreateWard;
import org.homeward.ward.Pathway;
import org.homeward.ward.SetCareOrganisations;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.boot.test.context.TestComponent;

/** Named builders for organisations, users, wards and patients; every name is unique so tests never collide. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger sequence = new AtomicInteger();

    private final SecurityService security;
    private final WardService wards;
    private final PatientService patients;
    private final ReferralService referrals;
    private String passwordHash;

    Fixtures(SecurityService security, WardService wards, PatientService patients, ReferralService referrals) {
        this.security = security;
        this.wards = wards;
        this.patients = patients;
        this.referrals = referrals;
    }

    public static String unique(String prefix) {
        return prefix + "-" + sequence.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt(100_000);
    }

    /** A valid NHS number that no other fixture has used. */
    public static String newNhsNumber() {
        while (true) {
            String nine = String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
            int check = NhsNumber.checkDigitOf(nine);
            if (check != 10) {
                return nine + check;
            }
        }
    }

    public Organisation organisation(OrganisationType type) {
        String code = unique("ORG");
        return security.createOrganisation(code.substring(0, Math.min(12, code.length())).replace("-", ""),
                code + " " + type.label(), type);
    }

    public CurrentUser user(Role role, Organisation organisation) {
        if (passwordHash == null) {
            passwordHash = security.hashPassword(PASSWORD);
        }
        UserAccount account = security.createUserWithHash(unique(role.name().toLowerCase()), passwordHash,
                "Dr " + unique("Test"), role.label(), role, organisation.id());
        return CurrentUser.of(account);
    }

    public VirtualWard ward(Organisation host, int beds) {
        return ward(host, beds, 18, 130, EnumSet.of(Pathway.ADULT_FRAILTY));
    }

    public VirtualWard ward(Organisation host, int beds, int minAge, int maxAge, Set<Pathway> pathways) {
        return ward(host, beds, minAge, maxAge, pathways, List.of());
    }

    /** An adult ward whose care the host shares with these visiting organisations (e.g. the community provider). */
    public VirtualWard ward(Organisation host, int beds, List<Organisation> visiting) {
        return ward(host, beds, 18, 130, EnumSet.of(Pathway.ADULT_FRAILTY), visiting);
    }

    public VirtualWard ward(Organisation host, int beds, int minAge, int maxAge, Set<Pathway> pathways,
            List<Organisation> visiting) {
        CurrentUser admin = user(Role.ADMIN, host);
        return wards.create(admin, new CreateWard(unique("Ward"), pathways, host.id(), beds, LocalTime.of(8, 0),
                LocalTime.of(20, 0), "Acute medical on-call registrar", "01305 255 000", "01632 960 000", minAge, maxAge,
                "Acutely unwell, safe at home with daily visits"),
                new SetCareOrganisations(visiting.stream().map(Organisation::id).toList()));
    }

    /** A GP organisation covering these GP practices (ODS codes), so their patients' GP joins their care team. */
    public Organisation gpOrganisation(String... practiceCodes) {
        Organisation gp = organisation(OrganisationType.GP_FEDERATION);
        security.coverPractices(gp.id(), List.of(practiceCodes));
        return gp;
    }

    /** A GP practice code no other test uses, so a test's GP organisation covers only its own patients. */
    public static String newPracticeCode() {
        return String.format("T%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    public RegisterPatient patientDetails(LocalDate dateOfBirth) {
        return new RegisterPatient(newNhsNumber(), "Ada", unique("Lovelace"), dateOfBirth, Sex.FEMALE,
                EthnicCategory.A, "1 High Street", null, "Dorchester", "DT1 1AA", 50.71, -2.44, "01305 000000",
                "J81012", "Dorchester Health Centre");
    }

    public PatientRecord patient(CurrentUser registeredBy, LocalDate dateOfBirth) {
        return patients.register(registeredBy, patientDetails(dateOfBirth));
    }

    /** A patient registered with this GP practice (ODS code). */
    public PatientRecord patient(CurrentUser registeredBy, LocalDate dateOfBirth, String gpPracticeCode) {
        RegisterPatient p = patientDetails(dateOfBirth);
        return patients.register(registeredBy, new RegisterPatient(p.nhsNumber(), p.givenName(), p.familyName(),
                p.dateOfBirth(), p.sex(), p.ethnicCategory(), p.addressLine1(), p.addressLine2(), p.town(),
                p.postcode(), p.latitude(), p.longitude(), p.phone(), gpPracticeCode, "Test Practice " + gpPracticeCode));
    }

    /** Refers, accepts and admits the patient to the ward, by a referrer and a consultant of the ward's organisation. */
    public AdmissionView admit(PatientRecord patient, VirtualWard ward, CurrentUser referrer, CurrentUser consultant) {
        ReferralView referral = referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_UP, ReferralSource.GP, "COPD exacerbation", "Needs nebulisers and monitoring",
                Set.of(Intervention.NEBULISERS, Intervention.MONITORING), Urgency.SAME_DAY, null, null, null));
        referrals.triage(consultant, referral.id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, "Meets criteria"));
        return referrals.admit(consultant, referral.id(), new AdmitPatient(consultant.id(), LocalDate.now().plusDays(4),
                ConsentGivenBy.PATIENT, true, null, null, null, true, "Prefers home", null, null, null));
    }
}
