package org.homeward.security;

/**
 * Something a user may do, named by what it allows; {@link Permissions} says which roles have it. The words finish
 * the sentence "Your role may not ..." in a refusal, and describe the permission in {@code docs/permissions.md}.
 */
public enum Permission {
    // patients
    REGISTER_PATIENTS("register a patient"),
    CORRECT_PATIENT_DETAILS("correct a patient's details"),
    ADD_CARERS("add a carer"),
    OPEN_PATIENT_RECORDS("open individual patient records"),
    CHANGE_CARE_TEAM("change a patient's care team"),
    REVIEW_BREAK_GLASS("review break-glass openings"),
    // referrals and admissions
    REFER_PATIENTS("refer a patient"),
    TRIAGE_REFERRALS("triage referrals"),
    ADMIT_PATIENTS("admit patients"),
    BE_ACCOUNTABLE_CLINICIAN("be a patient's accountable clinician"),
    REVISE_DISCHARGE_DATE("revise the estimated discharge date"),
    DISCHARGE_PATIENTS("discharge patients"),
    SEE_WARD_CENSUS("see a ward's census from the list of wards"),
    // observations
    SUBMIT_OBSERVATIONS("submit observations"),
    DOCUMENT_SCALE_2("document SpO2 Scale 2"),
    END_SCALE_2("end SpO2 Scale 2"),
    ISSUE_HOME_LINKS("issue a home reading link"),
    REVOKE_HOME_LINKS("revoke a home reading link"),
    SEE_HOME_LINKS("see home reading links"),
    // escalation
    SEE_ALERTS("see alerts"),
    ACKNOWLEDGE_ALERTS("acknowledge alerts"),
    RESPOND_TO_ALERTS("respond to alerts"),
    CLOSE_ALERTS("close alerts"),
    CLOSE_ALERTS_NEEDING_SENIOR_REVIEW("close a PEWS emergency or NEWS2 7 or more alert"),
    SET_WARD_ESCALATION_POLICY("set a ward's escalation policy"),
    TIGHTEN_PATIENT_ESCALATION_POLICY("tighten a patient's escalation policy"),
    END_ESCALATION_OVERRIDE("end a patient's escalation override"),
    SET_QUIET_HOURS("set quiet hours"),
    END_QUIET_HOURS("end quiet hours"),
    // visits
    SEE_VISIT_PLAN("see the day's visit plan"),
    PLAN_VISITS("plan the day's visits"),
    RECORD_OTHERS_VISITS("record a visit planned for someone else"),
    CHANGE_VISIT_PLAN("change a patient's visit plan"),
    SEE_VISITS_DUE("see the visits due"),
    ASK_URGENT_VISIT("ask for an urgent visit"),
    SEE_MISSED_VISITS("see missed and late visits"),
    VISIT_PATIENTS("visit patients at home on a shift"),
    // clinical notes
    WRITE_CLINICAL_NOTES("write clinical notes"),
    WRITE_CONSULTANT_REVIEW_NOTES("write a consultant review note"),
    // diagnostics (results are read with OPEN_PATIENT_RECORDS, as the rest of the record)
    ORDER_TESTS("order tests"),
    RECORD_SAMPLES("record a sample taken and its transport to the lab"),
    RECORD_RESULTS("record test results"),
    ACKNOWLEDGE_RESULTS("acknowledge test results"),
    MANAGE_TEST_CATALOGUE("change the test catalogue (tests, units, reference ranges and critical limits)"),
    // care and support plans
    CHANGE_CARE_PLAN("change a patient's care and support plan"),
    RECORD_RESUSCITATION_DECISION("record a DNACPR decision or a ReSPECT CPR recommendation"),
    // board round
    LEAD_BOARD_ROUND("lead a board round"),
    RECORD_BOARD_ROUND_REVIEW("record a board round review and its decision"),
    SEE_BOARD_ROUND("see the board round"),
    // acuity
    ASSESS_ACUITY("record a patient's acuity and criteria to reside"),
    SEE_ACUITY_CAPACITY("see the wards' acuity-weighted capacity"),
    MANAGE_ACUITY_TOOL("change the acuity tool's rows"),
    // rota
    PLAN_SHIFTS("plan shifts"),
    SEE_SHIFTS("see shifts"),
    ADD_ON_CALL("add to the on-call rota"),
    SEE_ON_CALL("see who is on call"),
    // medicines
    RECORD_ALLERGIES("record allergies and adverse reactions"),
    RECORD_WEIGHT("record a patient's weight"),
    MANAGE_FORMULARY("change the formulary"),
    PRESCRIBE("prescribe medicines"),
    SCREEN_PRESCRIPTIONS("screen prescriptions as a pharmacist"),
    GIVE_MEDICINES("record a charted dose given or not given, or check one as the second checker"),
    RECORD_COMMUNITY_PHARMACY("record the patient's nominated community pharmacy"),
    // tasks
    CREATE_TASKS("set a task for someone"),
    SEE_WORKLIST("have a worklist of tasks"),
    MANAGE_TEAM_TASKS("complete or cancel a task set for someone else in your organisation"),
    HEAR_OF_OVERDUE_TASKS("be told of overdue urgent and high-priority tasks in your organisation"),
    // medicines reconciliation
    RECORD_MEDICINES_BEFORE_ADMISSION("list the medicines a patient took before admission"),
    RECONCILE_MEDICINES("decide on the medicines a patient took before admission and resolve discrepancies"),
    VERIFY_MEDICINES_RECONCILIATION("verify a medicines reconciliation"),
    REQUEST_MEDICINES_RECONCILIATION("ask for a new medicines reconciliation when the medicines change"),
    // grab bags and stock, the controlled drugs register
    SEE_GRAB_BAGS("see your organisation's grab bags, their stock and the controlled drugs register"),
    MANAGE_GRAB_BAGS("create grab bags, restock them and remove stock"),
    CHECK_GRAB_BAGS("check a grab bag's seal and count its stock, and reseal it"),
    USE_GRAB_BAGS("use a medicine from a grab bag for a patient"),
    WITNESS_CONTROLLED_DRUGS("witness a controlled drug given from or removed from a grab bag"),
    // administration
    OPEN_WARDS("open a virtual ward"),
    CHANGE_WARD_CARE("change who shares this ward's care"),
    RECORD_COVERED_GP_PRACTICES("record the GP practices an organisation covers"),
    SEE_ACCOUNT_LOCKS("see whether an account is locked"),
    UNLOCK_ACCOUNTS("unlock an account"),
    SEARCH_HL7_MESSAGES("search the HL7 v2 messages received from the organisation's integration engine"),
    MANAGE_FHIR_SUBSCRIPTIONS("register the organisation's systems that receive alerts as FHIR Flags, switch them off"
            + " and on again, and see their deliveries"),
    MANAGE_SYSTEM_CLIENTS("register, list and revoke the organisation's system clients (device platforms and"
            + " integration engines using the FHIR API with OAuth 2.0)"),
    // governance
    VIEW_AUDIT_TRAIL("view the audit trail"),
    SEARCH_AUDIT_TRAIL("search the audit trail");

    private final String words;

    Permission(String words) {
        this.words = words;
    }

    /** What it allows, as a verb phrase: "submit observations". */
    public String words() {
        return words;
    }
}
