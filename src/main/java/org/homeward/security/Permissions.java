package org.homeward.security;

import static org.homeward.security.Permission.*;
import static org.homeward.security.Role.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the one table of which roles have each {@link Permission}. Services ask it through
 * {@link CurrentUser#require} and {@link CurrentUser#can}, pages through {@code #permissions.can('...')}; nothing else
 * lists roles. Each row names the roles in the order a refusal lists them ("this needs: ..."). The table is written out
 * for people in {@code docs/permissions.md}, which a test keeps up to date.
 */
public final class Permissions {

    private static final Map<Permission, List<Role>> ROLES = new EnumMap<>(Permission.class);
    private static final Map<Role, Set<Permission>> PERMISSIONS = new EnumMap<>(Role.class);

    static {
        // patients
        grant(REGISTER_PATIENTS, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(CORRECT_PATIENT_DETAILS, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(ADD_CARERS, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(OPEN_PATIENT_RECORDS, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR, GOVERNANCE);
        grant(CHANGE_CARE_TEAM, SENIOR_DECISION_MAKER);
        grant(REVIEW_BREAK_GLASS, GOVERNANCE);
        // referrals and admissions
        grant(REFER_PATIENTS, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(TRIAGE_REFERRALS, SENIOR_DECISION_MAKER);
        grant(ADMIT_PATIENTS, SENIOR_DECISION_MAKER);
        grant(BE_ACCOUNTABLE_CLINICIAN, SENIOR_DECISION_MAKER);
        grant(REVISE_DISCHARGE_DATE, SENIOR_DECISION_MAKER, CLINICIAN, COORDINATOR);
        grant(DISCHARGE_PATIENTS, SENIOR_DECISION_MAKER);
        grant(SEE_WARD_CENSUS, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR, GOVERNANCE, ADMIN);
        // observations
        grant(SUBMIT_OBSERVATIONS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(DOCUMENT_SCALE_2, SENIOR_DECISION_MAKER);
        grant(END_SCALE_2, SENIOR_DECISION_MAKER);
        grant(ISSUE_HOME_LINKS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(REVOKE_HOME_LINKS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(SEE_HOME_LINKS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        // escalation
        grant(SEE_ALERTS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(ACKNOWLEDGE_ALERTS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(RESPOND_TO_ALERTS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(CLOSE_ALERTS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(CLOSE_ALERTS_NEEDING_SENIOR_REVIEW, SENIOR_DECISION_MAKER);
        grant(SET_WARD_ESCALATION_POLICY, SENIOR_DECISION_MAKER);
        grant(TIGHTEN_PATIENT_ESCALATION_POLICY, SENIOR_DECISION_MAKER);
        grant(END_ESCALATION_OVERRIDE, SENIOR_DECISION_MAKER);
        grant(SET_QUIET_HOURS, CLINICIAN, SENIOR_DECISION_MAKER);
        grant(END_QUIET_HOURS, CLINICIAN, SENIOR_DECISION_MAKER);
        // visits
        grant(SEE_VISIT_PLAN, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(PLAN_VISITS, COORDINATOR, SENIOR_DECISION_MAKER);
        grant(RECORD_OTHERS_VISITS, COORDINATOR, SENIOR_DECISION_MAKER);
        grant(CHANGE_VISIT_PLAN, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(SEE_VISITS_DUE, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(ASK_URGENT_VISIT, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(SEE_MISSED_VISITS, COORDINATOR, SENIOR_DECISION_MAKER, CLINICIAN);
        grant(VISIT_PATIENTS, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST);
        // clinical notes (read with OPEN_PATIENT_RECORDS, as the rest of the record)
        grant(WRITE_CLINICAL_NOTES, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR);
        grant(WRITE_CONSULTANT_REVIEW_NOTES, SENIOR_DECISION_MAKER);
        // diagnostics: nurses order under the team's protocols (bloods agreed at the board round) as seniors do; the
        // lab's results come in through the API as a clinical user of the organisation whose lab reports them
        grant(ORDER_TESTS, SENIOR_DECISION_MAKER, CLINICIAN);
        grant(RECORD_SAMPLES, CLINICIAN, SENIOR_DECISION_MAKER);
        grant(RECORD_RESULTS, CLINICIAN, SENIOR_DECISION_MAKER);
        grant(ACKNOWLEDGE_RESULTS, SENIOR_DECISION_MAKER, CLINICIAN);
        // the catalogue's ranges and critical limits decide which results are critical and raise alerts: kept by the
        // senior decision-maker accountable for acting on results and by the pharmacist, who keeps the service's other
        // clinical reference data (the formulary) and the monitoring it relies on (potassium, creatinine, INR); not by
        // nurses, who act on the flags, nor by administrators, as the values are clinical
        grant(MANAGE_TEST_CATALOGUE, SENIOR_DECISION_MAKER, PHARMACIST);
        // care and support plans
        grant(CHANGE_CARE_PLAN, CLINICIAN, SENIOR_DECISION_MAKER);
        grant(RECORD_RESUSCITATION_DECISION, SENIOR_DECISION_MAKER);
        // board round: a senior leads it and records each decision (the MDT attends and advises)
        grant(LEAD_BOARD_ROUND, SENIOR_DECISION_MAKER);
        grant(RECORD_BOARD_ROUND_REVIEW, SENIOR_DECISION_MAKER);
        grant(SEE_BOARD_ROUND, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR);
        // acuity
        grant(ASSESS_ACUITY, CLINICIAN, SENIOR_DECISION_MAKER);
        grant(SEE_ACUITY_CAPACITY, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR, COMMISSIONER, ADMIN);
        grant(MANAGE_ACUITY_TOOL, ADMIN);
        // rota
        grant(PLAN_SHIFTS, COORDINATOR, SENIOR_DECISION_MAKER);
        grant(SEE_SHIFTS, CLINICIAN, SENIOR_DECISION_MAKER, COORDINATOR);
        grant(ADD_ON_CALL, COORDINATOR, SENIOR_DECISION_MAKER);
        grant(SEE_ON_CALL, REFERRER, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR, GOVERNANCE, ADMIN);
        // medicines (read with OPEN_PATIENT_RECORDS, as the rest of the record)
        grant(RECORD_ALLERGIES, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST);
        grant(RECORD_WEIGHT, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST);
        grant(MANAGE_FORMULARY, PHARMACIST, ADMIN);
        grant(PRESCRIBE, SENIOR_DECISION_MAKER);
        grant(SCREEN_PRESCRIPTIONS, PHARMACIST);
        // a dose charted at home is given by a nurse, a doctor or a pharmacist (and checked by another of them)
        grant(GIVE_MEDICINES, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST);
        grant(RECORD_COMMUNITY_PHARMACY, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR);
        // tasks
        grant(CREATE_TASKS, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR);
        grant(SEE_WORKLIST, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST, COORDINATOR);
        grant(MANAGE_TEAM_TASKS, COORDINATOR, SENIOR_DECISION_MAKER);
        grant(HEAR_OF_OVERDUE_TASKS, COORDINATOR);
        // medicines reconciliation (NICE NG5 1.3): a nurse may list the medicines (at the first visit, from the
        // patient's own supply); prescribers and pharmacists decide; only a pharmacist verifies
        grant(RECORD_MEDICINES_BEFORE_ADMISSION, PHARMACIST, SENIOR_DECISION_MAKER, CLINICIAN);
        grant(RECONCILE_MEDICINES, PHARMACIST, SENIOR_DECISION_MAKER);
        grant(VERIFY_MEDICINES_RECONCILIATION, PHARMACIST);
        grant(REQUEST_MEDICINES_RECONCILIATION, SENIOR_DECISION_MAKER, PHARMACIST);
        // grab bags and stock: the organisation's pharmacist or coordinator keeps the bags, its nurses check and use
        // them; a controlled drug given or removed is witnessed by a second registered clinician (NICE NG46)
        grant(SEE_GRAB_BAGS, PHARMACIST, COORDINATOR, CLINICIAN, SENIOR_DECISION_MAKER);
        grant(MANAGE_GRAB_BAGS, PHARMACIST, COORDINATOR);
        grant(CHECK_GRAB_BAGS, PHARMACIST, COORDINATOR, CLINICIAN);
        grant(USE_GRAB_BAGS, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST);
        grant(WITNESS_CONTROLLED_DRUGS, CLINICIAN, SENIOR_DECISION_MAKER, PHARMACIST);
        // administration
        grant(OPEN_WARDS, ADMIN);
        grant(CHANGE_WARD_CARE, ADMIN);
        grant(RECORD_COVERED_GP_PRACTICES, ADMIN);
        grant(SEE_ACCOUNT_LOCKS, ADMIN);
        grant(UNLOCK_ACCOUNTS, ADMIN);
        // the raw messages hold patients' details: read by the administrator who runs the integration, not clinicians
        grant(SEARCH_HL7_MESSAGES, ADMIN);
        // a subscriber receives patients' alerts: registered by the administrator who runs the organisation's systems
        grant(MANAGE_FHIR_SUBSCRIPTIONS, ADMIN);
        // a system client reads and writes patients' records as the account it acts as: registered, like the
        // subscribers, by the administrator who runs the organisation's systems
        grant(MANAGE_SYSTEM_CLIENTS, ADMIN);
        // governance
        grant(VIEW_AUDIT_TRAIL, ADMIN, GOVERNANCE);
        grant(SEARCH_AUDIT_TRAIL, ADMIN, GOVERNANCE);
    }

    private Permissions() {
    }

    private static void grant(Permission permission, Role... roles) {
        if (ROLES.putIfAbsent(permission, List.of(roles)) != null) {
            throw new IllegalStateException(permission + " is granted twice in the table");
        }
        for (Role role : roles) {
            PERMISSIONS.computeIfAbsent(role, r -> EnumSet.noneOf(Permission.class)).add(permission);
        }
    }

    /** Whether {@code role} has {@code permission}. */
    public static boolean grants(Role role, Permission permission) {
        return role != null && PERMISSIONS.getOrDefault(role, Set.of()).contains(permission);
    }

    /** The roles that have {@code permission}, in the order a refusal names them; empty if none. */
    public static List<Role> rolesWith(Permission permission) {
        return ROLES.getOrDefault(permission, List.of());
    }

    /** Everything {@code role} may do. */
    public static Set<Permission> of(Role role) {
        return Collections.unmodifiableSet(PERMISSIONS.getOrDefault(role, EnumSet.noneOf(Permission.class)));
    }

    /** The permissions granted to no role: should be none. */
    static Set<Permission> grantedToNobody() {
        EnumSet<Permission> none = EnumSet.allOf(Permission.class);
        none.removeIf(p -> !rolesWith(p).isEmpty());
        return none;
    }
}
