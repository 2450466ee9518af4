package org.homeward.demo;

import static org.homeward.referral.Intervention.CARER_SUPPORT;
import static org.homeward.referral.Intervention.IV_THERAPY;
import static org.homeward.referral.Intervention.NEBULISERS;
import static org.homeward.referral.Intervention.NG_FEEDING;
import static org.homeward.referral.Intervention.OXYGEN;
import static org.homeward.referral.Intervention.SUBCUTANEOUS_FLUIDS;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.careplan.AcuityService;
import org.homeward.careplan.AcuityToolRow;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.RecordAcuityAssessment;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;

/**
 * Today's acuity assessment of every demo patient admitted now, answered as the ward's nurse (or, for a patient
 * deteriorating today, the ward's consultant) would answer it from the patient's scenario and day of stay: IV therapy,
 * oxygen, nebulisers, subcutaneous fluids, tube feeding and daily bloods while treatment lasts; a senior review and a
 * medicines review in the first two days; specialist input for heart failure and chests early on; new confusion in
 * the first days of delirium; a heel-prick bilirubin every day for jaundice. A few patients on each ward (every ninth) are deteriorating today, NEWS2 or PEWS risen
 * and in the medium-risk band, some clinically unstable: levels 3 and 4. A patient past the scenario's usual stay and
 * past their estimated discharge date (every third one due today too) has finished treatment and meets no criterion to reside, so the board round
 * considers their discharge. Criteria to reside follow the published wording: oxygen; IV medicines more than twice a
 * day (8-hourly antibiotics, not once-daily ceftriaxone nor twice-daily furosemide); NEWS2 above 3 early in a chest
 * or heart failure admission; acute loss of function after a fall.
 */
final class DemoAcuity {

    /** One patient's assessment: by whom, the answers by the tool's code (rows not named are answered no). */
    record Assessment(int episode, String assessor, int dayOfStay, boolean deteriorating, boolean ready,
            Map<String, Boolean> answers, String note) {
    }

    private DemoAcuity() {
    }

    /** An assessment for every patient admitted now, in episode order. */
    static List<Assessment> plan(DemoPlan plan) {
        DemoRandom random = new DemoRandom(DemoPlanner.SEED + 3);
        LocalDate today = plan.now().toLocalDate();
        Map<Integer, List<AddIntervention>> visits = new LinkedHashMap<>();
        plan.carePlans().forEach(c -> visits.put(c.episode(), c.interventions()));
        return DemoStay.of(plan).stream().filter(DemoStay::current)
                .map(stay -> assess(stay, today, random, visits.getOrDefault(stay.episode(), List.of())))
                .toList();
    }

    private static Assessment assess(DemoStay stay, LocalDate today, DemoRandom random, List<AddIntervention> visits) {
        int day = stay.dayOfStay(today);
        boolean deteriorating = stay.onWard() % 9 == 4;
        boolean unstable = stay.onWard() % 18 == 4;
        LocalDate estimated = stay.plan().admission().estimatedDischargeDate();
        boolean ready = !deteriorating && day >= 3 && day > stay.scenario().typicalStayDays()
                && (estimated.isBefore(today) || (estimated.equals(today) && stay.onWard() % 3 == 0));
        boolean treating = !ready;
        boolean early = day <= 2;
        boolean carerAtRisk = random.chance(0.25);
        Map<String, Boolean> a = new LinkedHashMap<>();
        a.put("IV_THERAPY", treating && stay.needs(IV_THERAPY));
        a.put("OXYGEN", treating && stay.needs(OXYGEN));
        a.put("NEBULISERS", treating && stay.needs(NEBULISERS) && day <= 4);
        a.put("FREQUENT_OBS", deteriorating || (stay.child() && early));
        a.put("SUBCUT_INFUSION", treating && stay.needs(SUBCUTANEOUS_FLUIDS));
        a.put("DAILY_BLOODS", treating && (stay.heartFailure() || stay.is("kidney", "jaundice")));
        a.put("COMPLEX_CARE", treating && (stay.needs(NG_FEEDING) || stay.is("appendicectomy")));
        a.put("SENIOR_REVIEW_DAILY", deteriorating || (treating && early));
        a.put("SPECIALIST_INPUT", treating && day <= 3 && (stay.heartFailure() || stay.respiratory()));
        a.put("MDT_VISITS", treating && (stay.is("bronchiectasis", "fall")
                || (!stay.child() && stay.needs(CARER_SUPPORT))));
        a.put("TWO_STAFF", visits.stream().anyMatch(v -> v.staffNeeded() != null && v.staffNeeded() >= 2));
        a.put("MEDICINES_REVIEW", early || (ready && stay.heartFailure()));
        a.put("SCORE_RISING", deteriorating);
        a.put("SCORE_MEDIUM_RISK", deteriorating);
        a.put("UNSTABLE", unstable);
        a.put("NEW_CONFUSION", stay.is("delirium") && day <= 3);
        a.put("CARE_AT_RISK", treating && !stay.child() && stay.needs(CARER_SUPPORT) && carerAtRisk);
        // criteria to reside: none once treatment is over
        a.put("CTR_02_OXYGEN_NIV", a.get("OXYGEN"));
        a.put("CTR_04_NEWS2", treating && !stay.child()
                && (deteriorating || (early && (stay.heartFailure() || stay.is("copd", "pneumonia")))));
        a.put("CTR_06_FUNCTION", treating && stay.is("fall") && day <= 3);
        a.put("CTR_08_IV_MEDICATION", a.get("IV_THERAPY") && stay.eightHourlyIv());
        String assessor = deteriorating ? stay.consultant() : stay.nurse();
        String note = deteriorating ? (stay.child() ? "PEWS up overnight; seen at home by the consultant this "
                + "morning; parents know when to call; review again this afternoon"
                : "NEWS2 up overnight; seen at home by the consultant this morning; treatment changed; whether home "
                        + "is still the safe place of care is reviewed again this afternoon")
                : ready ? "Treatment complete and observations stable: no criterion to reside met; discharge to be "
                        + "considered at the board round" : null;
        return new Assessment(stay.episode(), assessor, day, deteriorating, ready, a, note);
    }

    /** Records each planned assessment; a row of the tool the plan does not name (a service's own) is answered no. */
    static void write(AcuityService acuity, DemoPlan plan, Map<String, UserAccount> staff, List<PatientId> ids) {
        List<String> asked = acuity.tool().activeRows().stream().map(AcuityToolRow::code).toList();
        for (Assessment assessment : plan(plan)) {
            Map<String, Boolean> answers = new LinkedHashMap<>();
            for (String code : asked) {
                answers.put(code, assessment.answers().getOrDefault(code, false));
            }
            acuity.assess(CurrentUser.of(staff.get(assessment.assessor())), ids.get(assessment.episode()),
                    new RecordAcuityAssessment(answers, null, null, assessment.note()));
        }
    }
}
