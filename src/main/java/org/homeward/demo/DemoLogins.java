package org.homeward.demo;

import static org.homeward.demo.DemoOrganisation.ACUTE;
import static org.homeward.demo.DemoOrganisation.COMMUNITY;
import static org.homeward.demo.DemoOrganisation.GP_FEDERATION;
import static org.homeward.demo.DemoOrganisation.ICB;

import java.util.List;
import org.homeward.security.Role;

/**
 * The demo service's staff: 26 people across the four organisations covering every role, with short usernames people
 * can remember from the README. All share one password, because this is a demonstration, never a live service.
 */
public final class DemoLogins {

    /** The password of every demo user. */
    public static final String PASSWORD = "homeward-demo";

    private static final List<DemoLogin> ALL = List.of(
            login("consultant", "Dr Helen Okafor", "Consultant Geriatrician, Hospital at Home clinical lead",
                    Role.SENIOR_DECISION_MAKER, ACUTE),
            login("consultant2", "Dr James Whitcombe", "Consultant Respiratory Physician", Role.SENIOR_DECISION_MAKER,
                    ACUTE),
            login("consultant3", "Dr Priya Raman", "Consultant Cardiologist (heart failure)", Role.SENIOR_DECISION_MAKER,
                    ACUTE),
            login("consultant4", "Dr Thomas Ashdown", "Consultant Paediatrician", Role.SENIOR_DECISION_MAKER, ACUTE),
            login("referrer", "Dr Samuel Bright", "Emergency Medicine Registrar (ED)", Role.REFERRER, ACUTE),
            login("referrer2", "Lucy Fairbairn", "Advanced Clinical Practitioner, Same Day Emergency Care",
                    Role.REFERRER, ACUTE),
            login("referrer3", "Dr Owen Tregear", "Specialty Registrar, General Internal Medicine", Role.REFERRER,
                    ACUTE),
            login("pharmacist", "Aisha Rahman", "Virtual Ward Pharmacist", Role.PHARMACIST, ACUTE),
            login("governance", "Catherine Lyle", "Head of Clinical Governance and Patient Safety", Role.GOVERNANCE,
                    ACUTE),
            login("admin", "Mark Dewhurst", "Clinical Systems Administrator", Role.ADMIN, ACUTE),
            login("admin2", "Joanne Keast", "Clinical Systems Administrator", Role.ADMIN, COMMUNITY),
            login("nurse", "Sarah Coombes", "Senior Staff Nurse, Hospital at Home", Role.CLINICIAN, COMMUNITY),
            login("nurse2", "Daniel Pike", "District Nursing Sister", Role.CLINICIAN, COMMUNITY),
            login("nurse3", "Hannah Voss", "Children's Community Nurse", Role.CLINICIAN, COMMUNITY),
            login("nurse4", "Grace Mensah", "Heart Failure Specialist Nurse", Role.CLINICIAN, COMMUNITY),
            login("physio", "Rebecca Samways", "Respiratory Physiotherapist", Role.CLINICIAN, COMMUNITY),
            login("practitioner", "Julia Hansford", "Consultant Nurse Practitioner, Frailty", Role.SENIOR_DECISION_MAKER,
                    COMMUNITY),
            login("coordinator", "Karen Legg", "Hospital at Home Coordinator (nurse in charge)", Role.COORDINATOR,
                    COMMUNITY),
            login("coordinator2", "Emma Frampton", "Children's Hospital at Home Coordinator", Role.COORDINATOR,
                    COMMUNITY),
            login("spoa", "Paul Gollop", "Single Point of Access Clinician (paramedic)", Role.REFERRER, COMMUNITY),
            login("gp", "Dr Rachel Hume", "GP with Extended Role in Frailty", Role.SENIOR_DECISION_MAKER, GP_FEDERATION),
            login("gp2", "Dr Andrew Symes", "GP Partner", Role.REFERRER, GP_FEDERATION),
            login("gp3", "Dr Nadia Haddad", "Salaried GP", Role.REFERRER, GP_FEDERATION),
            login("commissioner", "Ian Trenchard", "Head of Urgent and Emergency Care Commissioning", Role.COMMISSIONER,
                    ICB),
            login("commissioner2", "Fiona Ridout", "Virtual Wards Programme Lead", Role.COMMISSIONER, ICB),
            login("governance2", "Dr Michael Kerley", "Associate Director of Quality and Patient Safety",
                    Role.GOVERNANCE, ICB));

    private DemoLogins() {
    }

    /** Every demo login, in the order they are created. */
    public static List<DemoLogin> all() {
        return ALL;
    }

    /** The login with this username. */
    public static DemoLogin byUsername(String username) {
        return ALL.stream().filter(l -> l.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo login " + username));
    }

    private static DemoLogin login(String username, String displayName, String jobTitle, Role role,
            DemoOrganisation organisation) {
        return new DemoLogin(username, displayName, jobTitle, role, organisation.displayName());
    }
}
