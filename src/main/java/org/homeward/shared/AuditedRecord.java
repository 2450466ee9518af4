package org.homeward.shared;

/**
 * The kinds of record the audit trail names, each with the word stored in its {@code record_type} column (kept as it
 * has always been written, so old and new lines are searched alike). A module auditing a new kind of record adds it
 * here, so the trail's vocabulary is one list.
 */
public enum AuditedRecord {
    // patients
    PATIENT("Patient"),
    PATIENT_SEARCH("PatientSearch"),
    BREAK_GLASS("BreakGlass"),
    // referrals and admissions
    REFERRAL("Referral"),
    REFERRAL_LIST("ReferralList"),
    ADMISSION("Admission"),
    WARD_CENSUS("WardCensus"),
    VIRTUAL_WARD("VirtualWard"),
    // observations
    OBSERVATION("Observation"),
    OBSERVATION_SET("ObservationSet"),
    OBSERVATION_CHART("ObservationChart"),
    SPO2_SCALE_DECISION("SpO2ScaleDecision"),
    HOME_LINK("HomeLink"),
    // escalation
    ALERT("Alert"),
    ALERT_BOARD("AlertBoard"),
    CONCERN("Concern"),
    ESCALATION_POLICY("EscalationPolicy"),
    WARD_ESCALATION_POLICY("WardEscalationPolicy"),
    QUIET_HOURS("QuietHours"),
    NOTIFICATION_CONTACT("NotificationContact"),
    // visits and rota
    INTERVENTION("Intervention"),
    CARE_PLAN("CarePlan"),
    DAY_PLAN("DayPlan"),
    VISIT_REQUIREMENTS("VisitRequirements"),
    VISIT_EXCEPTIONS("VisitExceptions"),
    VISIT_RECORD("VisitRecord"),
    URGENT_VISIT("UrgentVisit"),
    STAFF_SHIFT("StaffShift"),
    ON_CALL("OnCall"),
    // clinical notes
    CLINICAL_NOTE("ClinicalNote"),
    // medicines
    ALLERGY("Allergy"),
    PATIENT_WEIGHT("PatientWeight"),
    FORMULARY_ENTRY("FormularyEntry"),
    PRESCRIPTION("Prescription"),
    MEDICINE_ADMINISTRATION("MedicineAdministration"),
    // tasks
    TASK("Task"),
    // medicines
    MEDICINES_RECONCILIATION("MedicinesReconciliation"),
    DISCHARGE_MEDICINES("DischargeMedicines"),
    COMMUNITY_PHARMACY("CommunityPharmacy"),
    GRAB_BAG("GrabBag"),
    STOCK_MOVEMENT("StockMovement"),
    CONTROLLED_DRUG_REGISTER("ControlledDrugRegister"),
    // diagnostics
    TEST_ORDER("TestOrder"),
    TEST_RESULT("TestResult"),
    TEST_CATALOGUE("TestCatalogue"),
    // board round
    BOARD_ROUND("BoardRound"),
    BOARD_ROUND_REVIEW("BoardRoundReview"),
    // acuity
    ACUITY_ASSESSMENT("AcuityAssessment"),
    ACUITY_TOOL("AcuityTool"),
    // sign-in
    SIGN_IN("SignIn"),
    SIGN_IN_LOCK("SignInLock"),
    // integration
    HL7_MESSAGE("Hl7Message"),
    SYSTEM_CLIENT("SystemClient"),
    FLAG_SUBSCRIPTION("FlagSubscription"),
    VIRTUAL_WARD_SUMMARY("VirtualWardSummary");

    private final String storedAs;

    AuditedRecord(String storedAs) {
        this.storedAs = storedAs;
    }

    /** The record type as the audit trail stores and shows it: "SpO2ScaleDecision". */
    public String storedAs() {
        return storedAs;
    }
}
