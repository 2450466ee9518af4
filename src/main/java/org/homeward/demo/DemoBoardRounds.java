package org.homeward.demo;

import static org.homeward.referral.Intervention.OXYGEN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.boardround.ActionPriority;
import org.homeward.boardround.AgreedAction;
import org.homeward.boardround.BoardRound;
import org.homeward.boardround.BoardRoundService;
import org.homeward.boardround.DayColour;
import org.homeward.boardround.Decision;
import org.homeward.boardround.RecordReview;
import org.homeward.boardround.Review;
import org.homeward.boardround.StartBoardRound;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.homeward.task.TaskService;

/**
 * A week of board rounds on every demo ward: one on each of the seven days before today, led by the ward's consultant
 * with its MDT (nurse, coordinator, pharmacist; the physiotherapist on the frailty and respiratory ward; a social
 * worker or health visitor without an account), written up through the board round's own service as rounds recorded
 * afterwards, since the demo is loaded today. Today's round is left for the demo's users to hold, so every patient is
 * shown as not reviewed today until they do. Each round reviews every patient on the ward that day, those discharged since
 * included: mostly a green day to continue; the decision to discharge tomorrow the day before a discharge, and to
 * discharge today on its day; a change of monitoring once oxygen is weaned or diuresis settles; and, for about a third of patients on their
 * second day, a red day waiting for something the scenario waits for (urea and electrolytes in heart failure, a chest X-ray report,
 * a blood or urine culture, a bilirubin, equipment) with an action for the role who ends the wait. The actions become
 * tasks; the person who would do each completes it with what was done, except a few routine ones from yesterday's
 * round on the frailty and children's wards, left open (one due yesterday, so overdue). No estimated discharge date is
 * revised, so the demo's current dates stay as planned.
 */
final class DemoBoardRounds {

    /** The days before today with a round. */
    static final int DAYS = 7;

    /** An action agreed at a review, who completes it and how; no outcome: left open. */
    record Action(String text, Role role, int dueInDays, ActionPriority priority, String doneBy, String outcome) {
    }

    /** One patient's review on one day. */
    record Reviewed(DemoStay stay, LocalDate day, DayColour colour, String waitingFor, Decision decision, String note,
            List<Action> actions) {
    }

    private DemoBoardRounds() {
    }

    /** The MDT at each ward's round besides its lead: usernames, then people without an account (name, role). */
    static List<String> attendees(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> List.of("nurse", "coordinator", "pharmacist", "physio");
            case HEART_FAILURE -> List.of("nurse4", "coordinator", "pharmacist");
            case CHILDREN -> List.of("nurse3", "coordinator2", "pharmacist");
        };
    }

    private static StartBoardRound.Attendee named(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> new StartBoardRound.Attendee(null, "Maggie Trent",
                    "Social worker (Dorset Council adult social care)");
            case HEART_FAILURE -> new StartBoardRound.Attendee(null, "Ruth Penney",
                    "Social worker (Dorset Council adult social care)");
            case CHILDREN -> new StartBoardRound.Attendee(null, "Sian Morgan", "Health visitor (Dorset HealthCare)");
        };
    }

    /** Every review of the week, day by day, in episode order within a day. */
    static List<Reviewed> plan(DemoPlan plan) {
        DemoRandom random = new DemoRandom(DemoPlanner.SEED + 4);
        LocalDate today = plan.now().toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        // on the ward on some day of the week: admitted before today, and not discharged before the first round
        List<DemoStay> stays = DemoStay.of(plan).stream()
                .filter(s -> s.admitted().isBefore(today)
                        && (s.current() || !s.discharged().isBefore(today.minusDays(DAYS))))
                .toList();
        Map<DemoStay, LocalDate> redDays = new HashMap<>();
        for (DemoStay stay : stays) {
            if (random.chance(0.35)) {
                redDays.put(stay, stay.admitted().plusDays(1));
            }
        }
        // yesterday's open work, for the coordinators: a package of care and the GP's results on the frailty ward,
        // a follow-up appointment on the children's
        List<DemoStay> openFrailty = stays.stream().filter(s -> s.current() && s.ward() == DemoWard.FRAILTY_RESPIRATORY
                && s.dayOfStay(yesterday) >= 3 && !yesterday.equals(redDays.get(s))).limit(2).toList();
        DemoStay openChild = stays.stream().filter(s -> s.current() && s.child() && s.dayOfStay(yesterday) >= 2
                && !yesterday.equals(redDays.get(s))).findFirst().orElse(null);
        List<Reviewed> reviews = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
            for (DemoStay stay : stays) {
                if (!stay.onWardOn(day)) {
                    continue;
                }
                if (day.equals(yesterday) && openFrailty.indexOf(stay) == 0) {
                    reviews.add(red(stay, day, "Reablement package of care from Dorset Council", List.of(
                            new Action("Chase the start date of the reablement package with Dorset Council",
                                    Role.COORDINATOR, 1, ActionPriority.ROUTINE, null, null))));
                } else if (day.equals(yesterday) && openFrailty.indexOf(stay) == 1) {
                    reviews.add(red(stay, day, "Blood results from the last three months from the GP practice",
                            List.of(new Action("Ask the GP practice for the last three months' blood results",
                                    Role.COORDINATOR, 0, ActionPriority.ROUTINE, null, null))));
                } else if (day.equals(yesterday) && stay.equals(openChild)) {
                    reviews.add(red(stay, day, "A paediatric outpatient appointment before discharge", List.of(
                            new Action("Book the paediatric outpatient follow-up", Role.COORDINATOR, 2,
                                    ActionPriority.ROUTINE, null, null))));
                } else {
                    reviews.add(review(stay, day, day.equals(redDays.get(stay))));
                }
            }
        }
        return List.copyOf(reviews);
    }

    private static Reviewed review(DemoStay stay, LocalDate day, boolean redDay) {
        if (day.equals(stay.discharged())) {
            return green(stay, day, Decision.DISCHARGE_TODAY, "Treatment complete: discharge home today with the "
                    + "summary to the GP");
        }
        if (stay.discharged() != null && day.equals(stay.discharged().minusDays(1))) {
            return green(stay, day, Decision.DISCHARGE_TOMORROW, "Oral treatment from tomorrow: discharge tomorrow, "
                    + "medicines to take home ordered");
        }
        if (redDay) {
            return waiting(stay, day);
        }
        int dayOfStay = stay.dayOfStay(day);
        if (dayOfStay == 4 && stay.needs(OXYGEN)) {
            return green(stay, day, Decision.CHANGE_MONITORING, "Weaned to air: oximetry at each visit instead of "
                    + "continuous");
        }
        if (dayOfStay == 5 && stay.heartFailure()) {
            return green(stay, day, Decision.CHANGE_MONITORING, "Weight steady for 48 hours: U&E every other day "
                    + "instead of daily");
        }
        return green(stay, day, Decision.CONTINUE, null);
    }

    /** A red day on the second day of the stay, waiting for what the scenario waits for. */
    private static Reviewed waiting(DemoStay stay, LocalDate day) {
        String nurse = stay.nurse();
        String coordinator = stay.coordinator();
        if (stay.heartFailure() && stay.is("new heart failure")) {
            return red(stay, day, "Echocardiogram", List.of(new Action("Book the echocardiogram with cardiac "
                    + "physiology", Role.COORDINATOR, 1, ActionPriority.ROUTINE, coordinator,
                    "Echocardiogram booked for the next morning; hospital transport arranged")));
        }
        if (stay.heartFailure()) {
            return red(stay, day, "U&E results from this morning's bloods", List.of(new Action("Chase this "
                    + "morning's U&E and tell the consultant the potassium and creatinine", Role.CLINICIAN, 0,
                    ActionPriority.URGENT, nurse, "U&E back at 13:10: potassium 4.4, creatinine up 6% from baseline; "
                            + "consultant told, furosemide continued at the same dose")));
        }
        if (stay.child() && stay.is("jaundice")) {
            return red(stay, day, "Bilirubin from this morning's heel prick", List.of(new Action("Chase the "
                    + "bilirubin result and plot it on the treatment chart", Role.CLINICIAN, 0, ActionPriority.URGENT,
                    nurse, "Bilirubin 210, below the treatment line: phototherapy continued one more day")));
        }
        if (stay.child() && stay.needs(OXYGEN)) {
            return red(stay, day, "Oxygen concentrator for the night", List.of(new Action("Arrange delivery of an "
                    + "oxygen concentrator before 18:00", Role.COORDINATOR, 0, ActionPriority.URGENT, coordinator,
                    "Concentrator delivered at 16:20 and checked by the supplier; parents shown how to use it")));
        }
        if (stay.child() && stay.is("asthma")) {
            return red(stay, day, "Pharmacist's check of the inhaler plan", List.of(new Action("Check the spacer "
                    + "technique and write the salbutamol weaning plan with the parents", Role.PHARMACIST, 0,
                    ActionPriority.ROUTINE, "pharmacist",
                    "Spacer technique good; written weaning plan given to the parents")));
        }
        if (stay.child()) {
            return red(stay, day, "Blood culture result", List.of(new Action("Chase the blood culture result "
                    + "with microbiology", Role.CLINICIAN, 0, ActionPriority.ROUTINE, nurse,
                    "No growth at 48 hours; IV antibiotics continued as planned")));
        }
        if (stay.respiratory()) {
            return red(stay, day, "Chest X-ray report", List.of(new Action("Chase the chest X-ray report with "
                    + "radiology", Role.COORDINATOR, 0, ActionPriority.ROUTINE, coordinator,
                    "Report received: no new consolidation or effusion; consultant told")));
        }
        if (stay.is("delirium")) {
            return red(stay, day, "Urine culture and sensitivities", List.of(new Action("Chase the urine culture "
                    + "and check the antibiotic is the right one", Role.CLINICIAN, 0, ActionPriority.ROUTINE, nurse,
                    "E. coli sensitive to nitrofurantoin; consultant switched to oral from tomorrow")));
        }
        if (stay.is("fall")) {
            return red(stay, day, "Equipment for safe transfers at home", List.of(
                    new Action("Arrange a perching stool, commode and key safe", Role.COORDINATOR, 1,
                            ActionPriority.ROUTINE, coordinator,
                            "Delivered by the community equipment service; key safe fitted"),
                    new Action("Review falls-risk medicines (doxazosin, night sedation)", Role.PHARMACIST, 1,
                            ActionPriority.ROUTINE, "pharmacist",
                            "Doxazosin stopped with the GP's agreement; zopiclone reduced to as needed")));
        }
        if (stay.is("kidney")) {
            return red(stay, day, "Repeat U&E at 48 hours", List.of(new Action("Take the repeat U&E before the "
                    + "11:00 cut-off and chase the result", Role.CLINICIAN, 0, ActionPriority.URGENT, nurse,
                    "Creatinine 118, down from 148; consultant told, subcutaneous fluids continued")));
        }
        return red(stay, day, "Blood culture result", List.of(new Action("Chase the blood culture result with "
                + "microbiology", Role.CLINICIAN, 0, ActionPriority.ROUTINE, nurse,
                "No growth at 48 hours; IV antibiotics continued as planned")));
    }

    private static Reviewed green(DemoStay stay, LocalDate day, Decision decision, String note) {
        return new Reviewed(stay, day, DayColour.GREEN, null, decision, note, List.of());
    }

    private static Reviewed red(DemoStay stay, LocalDate day, String waitingFor, List<Action> actions) {
        return new Reviewed(stay, day, DayColour.RED, waitingFor, Decision.CONTINUE, null, actions);
    }

    /**
     * Writes the week: finds each reviewed patient's ward from their admission on the day, starts each ward's round of
     * each day as written up afterwards, records its reviews, then completes the tasks the actions became.
     */
    static void write(BoardRoundService rounds, ReferralService referrals, TaskService tasks, DemoPlan plan,
            Map<String, UserAccount> staff, List<PatientId> ids) {
        List<Reviewed> reviews = plan(plan);
        LocalDate today = plan.now().toLocalDate();
        Map<DemoStay, WardId> wardOf = new HashMap<>();
        Map<WardId, DemoWard> kindOf = new LinkedHashMap<>();
        Set<DemoStay> stays = reviews.stream().map(Reviewed::stay).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
        Map<PatientId, WardId> current = referrals.currentWards(stays.stream().filter(DemoStay::current)
                .map(s -> ids.get(s.episode())).toList());
        for (DemoStay stay : stays) {
            PatientId patient = ids.get(stay.episode());
            WardId ward = stay.current() ? current.get(patient) : referrals.admissionOn(patient, stay.discharged())
                    .map(AdmissionView::wardId).orElseThrow();
            wardOf.put(stay, ward);
            kindOf.put(ward, stay.ward());
        }
        Map<String, Action> byActionId = new HashMap<>();
        Map<UUID, CurrentUser> leads = new LinkedHashMap<>();
        for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
            for (Map.Entry<WardId, DemoWard> ward : kindOf.entrySet()) {
                LocalDate heldOn = day;
                List<Reviewed> ofRound = reviews.stream().filter(r -> r.day().equals(heldOn)
                        && wardOf.get(r.stay()).equals(ward.getKey())).toList();
                CurrentUser lead = CurrentUser.of(staff.get(DemoStay.consultantOf(ward.getValue())));
                List<StartBoardRound.Attendee> attendees = new ArrayList<>();
                for (String username : attendees(ward.getValue())) {
                    attendees.add(new StartBoardRound.Attendee(staff.get(username).id().value(), null, null));
                }
                attendees.add(named(ward.getValue()));
                BoardRound round = rounds.startRound(lead, new StartBoardRound(ward.getKey().value(), null,
                        attendees, day));
                leads.put(round.id(), lead);
                for (Reviewed r : ofRound) {
                    List<RecordReview.AgreeAction> agreed = r.actions().stream()
                            .map(a -> new RecordReview.AgreeAction(a.text(), a.role(), r.day().plusDays(a.dueInDays()),
                                    a.priority())).toList();
                    Review review = rounds.recordReview(lead, round.id(), new RecordReview(
                            ids.get(r.stay().episode()).value(), r.colour(), r.waitingFor(), r.decision(), null,
                            r.note(), agreed));
                    for (int i = 0; i < review.actions().size(); i++) {
                        byActionId.put(review.actions().get(i).id().toString(), r.actions().get(i));
                    }
                }
            }
        }
        // the people who did each action record it done, from the rounds' actions and the tasks they became
        for (Map.Entry<UUID, CurrentUser> round : leads.entrySet()) {
            for (Review review : rounds.reviewsOfRound(round.getValue(), round.getKey())) {
                for (AgreedAction agreed : review.actions()) {
                    Action action = byActionId.get(agreed.id().toString());
                    if (action.outcome() != null) {
                        tasks.complete(CurrentUser.of(staff.get(action.doneBy())), agreed.taskId(), action.outcome());
                    }
                }
            }
        }
    }
}
