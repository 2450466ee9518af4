package org.homeward.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.diagnostics.AcknowledgeResult;
import org.homeward.diagnostics.DiagnosticsService;
import org.homeward.diagnostics.OrderTests;
import org.homeward.diagnostics.PointOfCareTest;
import org.homeward.diagnostics.RecordSample;
import org.homeward.diagnostics.RecordTransport;
import org.homeward.diagnostics.ResultFlag;
import org.homeward.diagnostics.ResultLine;
import org.homeward.diagnostics.SampleTransport;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.TestResultView;
import org.homeward.diagnostics.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;

/**
 * The tests of every current demo patient whose condition calls for them, through {@link DiagnosticsService}: U&amp;E
 * for heart failure, fluid overload and kidney injury; CRP (and, for adults, FBC) for infections; U&amp;E with a urine
 * culture for a urinary infection with delirium; an ECG after a fall; a point-of-care CRP at the visit for a chest
 * exacerbation. Ordered by the admitting consultant; of every three patients one order is still awaiting its sample,
 * one has its sample taken by the visiting nurse at home and sent by courier, and one is resulted (entered from the
 * lab's report) and acknowledged by the consultant. None is critical: no demo alert comes from a result.
 */
final class DemoDiagnostics {

    private DemoDiagnostics() {
    }

    static void write(DiagnosticsService diagnostics, DemoPlan plan, Map<String, UserAccount> staff,
            List<PatientId> patientIds) {
        int current = 0;
        for (int i = 0; i < plan.episodes().size(); i++) {
            EpisodePlan episode = plan.episodes().get(i);
            if (episode.stage() != EpisodePlan.Stage.ADMITTED) {
                continue;
            }
            int n = current++;
            boolean childrensWard = episode.ward().isPaediatric();
            // the one adulthood rule decides the reference ranges, not the ward
            boolean child = !org.homeward.patient.PatientSummary.isAdult(
                    episode.patient().ageOn(plan.now().toLocalDate()));
            CurrentUser consultant = CurrentUser.of(staff.get(episode.triage().decider()));
            CurrentUser nurse = CurrentUser.of(staff.get(childrensWard ? "nurse3" : "nurse"));
            PatientId patient = patientIds.get(i);
            String condition = episode.referral().presentingCondition().toLowerCase(Locale.UK);
            if (!child && (condition.contains("copd") || condition.contains("bronchiectasis"))) {
                TestOrderView poc = diagnostics.pointOfCare(nurse, patient, new PointOfCareTest("POC_CRP",
                        BigDecimal.valueOf(24 + n % 40), "mg/L", null, "Chest exacerbation: CRP at the first visit", null));
                acknowledge(diagnostics, consultant, poc, "Seen: in keeping with the exacerbation, continue the plan");
                continue;
            }
            Tests tests = testsFor(condition, child);
            if (tests == null) {
                continue;
            }
            TestOrderView order = diagnostics.order(consultant, patient, new OrderTests(tests.codes(),
                    tests.question(), n % 2 == 0 ? Urgency.SAME_DAY : Urgency.ROUTINE, null, null));
            if (n % 3 == 0) {
                continue;
            }
            diagnostics.recordSample(nurse, order.id(), new RecordSample(null, true, true, null));
            diagnostics.recordTransport(nurse, order.id(), new RecordTransport(SampleTransport.COURIER, null, null));
            if (n % 3 == 1) {
                continue;
            }
            TestOrderView resulted = diagnostics.enterResults(consultant, order.id(), tests.results());
            acknowledge(diagnostics, consultant, resulted, "Seen: no change to the plan");
        }
    }

    private static void acknowledge(DiagnosticsService diagnostics, CurrentUser consultant, TestOrderView order,
            String note) {
        for (TestResultView result : order.currentResults()) {
            diagnostics.acknowledge(consultant, result.id(), new AcknowledgeResult(note));
        }
    }

    /** What the condition calls for, and the results as the lab reported them. */
    private record Tests(List<String> codes, String question, List<ResultLine> results) {
    }

    private static Tests testsFor(String condition, boolean child) {
        boolean infection = condition.contains("pneumonia") || condition.contains("cellulitis")
                || condition.contains("pyelonephritis") || condition.contains("appendicitis")
                || condition.contains("influenza");
        if (child) {
            // the catalogue has no child range: the lab's printed range goes with the result
            return infection ? new Tests(List.of("CRP"), "Response to IV antibiotics", List.of(
                    withRange(numeric("CRP", "18", "mg/L"), "0", "5"))) : null;
        }
        if (condition.contains("heart failure") || condition.contains("fluid overload")
                || condition.contains("kidney injury")) {
            return new Tests(List.of("UE"), "Renal function and potassium on IV diuretics or fluids", List.of(
                    numeric("SODIUM", "134", "mmol/L"), numeric("POTASSIUM", "5.1", "mmol/L"),
                    numeric("UREA", "9.8", "mmol/L"), withRange(numeric("CREATININE", "128", "umol/L"), "59", "104")));
        }
        if (condition.contains("urinary tract infection")) {
            return new Tests(List.of("UE", "URINE_CULTURE"), "Infection source and hydration in delirium", List.of(
                    numeric("SODIUM", "141", "mmol/L"), numeric("POTASSIUM", "4.2", "mmol/L"),
                    numeric("UREA", "8.1", "mmol/L"), withRange(numeric("CREATININE", "96", "umol/L"), "45", "84"),
                    words("URINE_CULTURE", "Escherichia coli over 10^5 CFU/mL, sensitive to nitrofurantoin and"
                            + " cefalexin, resistant to trimethoprim", ResultFlag.ABNORMAL)));
        }
        if (condition.contains("fall")) {
            return new Tests(List.of("ECG"), "Fall: arrhythmia as a cause?", List.of(words("ECG",
                    "Sinus rhythm 78 per minute, normal axis, no acute changes", ResultFlag.NORMAL)));
        }
        if (infection) {
            return new Tests(List.of("CRP", "FBC"), "Response to treatment of the infection", List.of(
                    numeric("CRP", "62", "mg/L"), withRange(numeric("HAEMOGLOBIN", "128", "g/L"), "115", "165"),
                    numeric("WCC", "12.6", "10*9/L"), numeric("PLATELETS", "322", "10*9/L")));
        }
        return null;
    }

    private static ResultLine numeric(String code, String value, String unit) {
        return new ResultLine(code, new BigDecimal(value), unit, null, null, null, null, null, null);
    }

    private static ResultLine withRange(ResultLine line, String low, String high) {
        return new ResultLine(line.testCode(), line.value(), line.unit(), new BigDecimal(low), new BigDecimal(high),
                null, null, null, null);
    }

    private static ResultLine words(String code, String report, ResultFlag flag) {
        return new ResultLine(code, null, null, null, null, report, flag, null, null);
    }
}
