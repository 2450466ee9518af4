package org.homeward.careplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.homeward.shared.DateWords;
import org.homeward.careplan.AdvanceCarePlan.Dnacpr;
import org.homeward.careplan.AdvanceCarePlan.LastWeeksOfLife;
import org.homeward.careplan.AdvanceCarePlan.Respect;
import org.homeward.careplan.SupportPlan.CarersAssessment;
import org.homeward.careplan.SupportPlan.Goal;
import org.homeward.careplan.SupportPlan.HolisticNeeds;
import org.homeward.careplan.SupportPlan.ReasonableAdjustments;
import org.homeward.shared.InvalidInputException;

/**
 * The care and support plan's rules in one place: what a plan must hold to be saved (each problem names its field as
 * the API sends it, 'advanceCarePlan.dnacpr.madeBy'), the plan in words for its history, and the words of the
 * resuscitation status on the banner and the alerts.
 */
final class CarePlanRules {

    static final int LONG_TEXT = 2000;
    static final int SHORT_TEXT = 200;
    static final int MOST_GOALS = 20;
    static final String NOT_RECORDED = "Not recorded";

    private CarePlanRules() {
    }

    /** The plan with blank text as nothing and goals' status defaulted, or the first problem with it. */
    static SupportPlan checked(SupportPlan plan, LocalDate today) {
        String p = "supportPlan.";
        if (plan == null) {
            throw new InvalidInputException("supportPlan", "supportPlan is required");
        }
        String whatMatters = text(p + "whatMatters", plan.whatMatters(), LONG_TEXT);
        if (plan.goals().size() > MOST_GOALS) {
            throw new InvalidInputException(p + "goals", "At most " + MOST_GOALS + " goals");
        }
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < plan.goals().size(); i++) {
            Goal g = plan.goals().get(i);
            String field = p + "goals[" + i + "]";
            if (g == null) {
                throw new InvalidInputException(field, "is empty: give the goal's text");
            }
            String goalText = required(field + ".text", g.text(), 300, "is required: what the goal is");
            goals.add(new Goal(goalText, g.targetDate(), g.status() == null ? GoalStatus.NOT_STARTED : g.status()));
        }
        if (plan.agreedWith() != null && plan.agreedOn() == null) {
            throw new InvalidInputException(p + "agreedOn", "is required when the plan was agreed: the day it was agreed");
        }
        if (plan.agreedWith() == null && plan.agreedOn() != null) {
            throw new InvalidInputException(p + "agreedWith", "is required with the day it was agreed: who agreed it");
        }
        notFuture(p + "agreedOn", plan.agreedOn(), today);
        ReasonableAdjustments a = plan.reasonableAdjustments();
        String ap = p + "reasonableAdjustments.";
        String language = text(ap + "interpreterLanguage", a.interpreterLanguage(), SHORT_TEXT);
        if (Boolean.TRUE.equals(a.interpreterNeeded()) && language == null) {
            throw new InvalidInputException(ap + "interpreterLanguage",
                    "is required when an interpreter is needed: which language (or British Sign Language)");
        }
        if (!Boolean.TRUE.equals(a.interpreterNeeded()) && language != null) {
            throw new InvalidInputException(ap + "interpreterNeeded",
                    "must be yes when an interpreter's language is given");
        }
        ReasonableAdjustments adjustments = new ReasonableAdjustments(
                text(ap + "communicationNeeds", a.communicationNeeds(), LONG_TEXT), a.interpreterNeeded(), language,
                text(ap + "otherAdjustments", a.otherAdjustments(), LONG_TEXT));
        HolisticNeeds h = plan.holisticNeeds();
        String hp = p + "holisticNeeds.";
        HolisticNeeds holistic = new HolisticNeeds(text(hp + "physical", h.physical(), LONG_TEXT),
                text(hp + "emotional", h.emotional(), LONG_TEXT), text(hp + "social", h.social(), LONG_TEXT),
                text(hp + "spiritual", h.spiritual(), LONG_TEXT));
        CarersAssessment c = plan.carersAssessment();
        String cp = p + "carersAssessment.";
        if (Boolean.TRUE.equals(c.done()) && Boolean.FALSE.equals(c.offered())) {
            throw new InvalidInputException(cp + "offered", "must be yes when the assessment was done");
        }
        if (Boolean.TRUE.equals(c.done()) && c.doneOn() == null) {
            throw new InvalidInputException(cp + "doneOn", "is required when the assessment was done: the day it was done");
        }
        if (!Boolean.TRUE.equals(c.done()) && c.doneOn() != null) {
            throw new InvalidInputException(cp + "done", "must be yes when the day it was done is given");
        }
        notFuture(cp + "doneOn", c.doneOn(), today);
        CarersAssessment carers = new CarersAssessment(Boolean.TRUE.equals(c.done()) ? Boolean.TRUE : c.offered(),
                c.done(), c.doneOn(), text(cp + "outcome", c.outcome(), LONG_TEXT));
        return new SupportPlan(whatMatters, goals, plan.agreedWith(), plan.agreedOn(), adjustments, holistic, carers);
    }

    /** The advance care plan with blank text as nothing, or the first problem with it. */
    static AdvanceCarePlan checked(AdvanceCarePlan plan, LocalDate today) {
        String p = "advanceCarePlan.";
        if (plan == null) {
            throw new InvalidInputException("advanceCarePlan", "advanceCarePlan is required");
        }
        Respect r = plan.respect();
        String rp = p + "respect.";
        Respect respect = new Respect(r.priority(), r.cprRecommendation(),
                text(rp + "recommendations", r.recommendations(), LONG_TEXT),
                text(rp + "completedBy", r.completedBy(), SHORT_TEXT), r.completedOn());
        if (respect.recorded()) {
            if (respect.completedBy() == null) {
                throw new InvalidInputException(rp + "completedBy",
                        "is required with ReSPECT recommendations: the clinician who completed the form");
            }
            if (respect.completedOn() == null) {
                throw new InvalidInputException(rp + "completedOn",
                        "is required with ReSPECT recommendations: the day the form was completed");
            }
        } else if (respect.completedBy() != null || respect.completedOn() != null) {
            throw new InvalidInputException(rp + "priority",
                    "is required when who completed the ReSPECT form is given: give its recommendations");
        }
        notFuture(rp + "completedOn", respect.completedOn(), today);
        Dnacpr d = plan.dnacpr();
        String dp = p + "dnacpr.";
        Dnacpr dnacpr = new Dnacpr(d.inPlace(), text(dp + "madeBy", d.madeBy(), SHORT_TEXT), d.madeOn(),
                d.discussedWithPatient(), d.discussedWithFamily());
        if (dnacpr.recorded()) {
            if (dnacpr.madeBy() == null) {
                throw new InvalidInputException(dp + "madeBy",
                        "is required with a DNACPR decision: the senior clinician who made it");
            }
            if (dnacpr.madeOn() == null) {
                throw new InvalidInputException(dp + "madeOn", "is required with a DNACPR decision: the day it was made");
            }
        } else if (dnacpr.madeBy() != null || dnacpr.madeOn() != null || dnacpr.discussedWithPatient() != null
                || dnacpr.discussedWithFamily() != null) {
            throw new InvalidInputException(dp + "inPlace", "is required: whether a DNACPR decision is in place");
        }
        notFuture(dp + "madeOn", dnacpr.madeOn(), today);
        if (Boolean.TRUE.equals(dnacpr.inPlace()) && respect.cprRecommendation() == CprRecommendation.CPR_RECOMMENDED
                || Boolean.FALSE.equals(dnacpr.inPlace())
                        && respect.cprRecommendation() == CprRecommendation.CPR_NOT_RECOMMENDED) {
            throw new InvalidInputException(rp + "cprRecommendation", "must agree with the DNACPR decision ("
                    + (dnacpr.inPlace() ? "a DNACPR decision is in place" : "no DNACPR decision is in place")
                    + "): change one of them so that the plan does not say two things");
        }
        LastWeeksOfLife l = plan.lastWeeksOfLife();
        String lp = p + "lastWeeksOfLife.";
        LastWeeksOfLife lastWeeks = new LastWeeksOfLife(l.recognised(),
                text(lp + "recognisedBy", l.recognisedBy(), SHORT_TEXT), l.recognisedOn());
        if (Boolean.TRUE.equals(lastWeeks.recognised())) {
            if (lastWeeks.recognisedBy() == null) {
                throw new InvalidInputException(lp + "recognisedBy", "is required: who recognised it");
            }
            if (lastWeeks.recognisedOn() == null) {
                throw new InvalidInputException(lp + "recognisedOn", "is required: the day it was recognised");
            }
        }
        notFuture(lp + "recognisedOn", lastWeeks.recognisedOn(), today);
        return new AdvanceCarePlan(respect, dnacpr, text(p + "preferredPlaceOfCare", plan.preferredPlaceOfCare(),
                SHORT_TEXT), text(p + "preferredPlaceOfDeath", plan.preferredPlaceOfDeath(), SHORT_TEXT), lastWeeks);
    }

    /** Whether the change touches what only a senior decision-maker may record: the DNACPR decision or the CPR recommendation. */
    static boolean changesResuscitationDecision(AdvanceCarePlan before, AdvanceCarePlan after) {
        Dnacpr b = before.dnacpr();
        Dnacpr a = after.dnacpr();
        return !Objects.equals(b.inPlace(), a.inPlace()) || !Objects.equals(b.madeBy(), a.madeBy())
                || !Objects.equals(b.madeOn(), a.madeOn())
                || before.respect().cprRecommendation() != after.respect().cprRecommendation();
    }

    /** The plan in words, field by field in the order the pages show them: what its history compares. */
    static Map<String, String> words(SupportPlan plan) {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("What matters to the patient", plan.whatMatters());
        for (int i = 0; i < plan.goals().size(); i++) {
            Goal g = plan.goals().get(i);
            w.put("Goal " + (i + 1), g.text() + " (" + g.status().label().toLowerCase(Locale.UK)
                    + (g.targetDate() == null ? "" : ", by " + day(g.targetDate())) + ")");
        }
        w.put("Agreed with", plan.agreedWith() == null ? null : plan.agreedWith().label());
        w.put("Agreed on", day(plan.agreedOn()));
        ReasonableAdjustments a = plan.reasonableAdjustments();
        w.put("Communication needs", a.communicationNeeds());
        w.put("Interpreter needed", yesNo(a.interpreterNeeded()));
        w.put("Interpreter's language", a.interpreterLanguage());
        w.put("Other reasonable adjustments", a.otherAdjustments());
        HolisticNeeds h = plan.holisticNeeds();
        w.put("Physical needs", h.physical());
        w.put("Emotional needs", h.emotional());
        w.put("Social needs", h.social());
        w.put("Spiritual needs", h.spiritual());
        CarersAssessment c = plan.carersAssessment();
        w.put("Carer's assessment offered", yesNo(c.offered()));
        w.put("Carer's assessment done", yesNo(c.done()));
        w.put("Carer's assessment done on", day(c.doneOn()));
        w.put("Carer's assessment outcome", c.outcome());
        return w;
    }

    static Map<String, String> words(AdvanceCarePlan plan) {
        Map<String, String> w = new LinkedHashMap<>();
        Respect r = plan.respect();
        w.put("ReSPECT: focus of care", r.priority() == null ? null : r.priority().label());
        w.put("ReSPECT: CPR", r.cprRecommendation() == null ? null : r.cprRecommendation().label());
        w.put("ReSPECT: other recommendations", r.recommendations());
        w.put("ReSPECT form completed by", r.completedBy());
        w.put("ReSPECT form completed on", day(r.completedOn()));
        Dnacpr d = plan.dnacpr();
        w.put("DNACPR decision in place", yesNo(d.inPlace()));
        w.put("DNACPR decision made by", d.madeBy());
        w.put("DNACPR decision made on", day(d.madeOn()));
        w.put("DNACPR discussed with the patient", yesNo(d.discussedWithPatient()));
        w.put("DNACPR discussed with the family", yesNo(d.discussedWithFamily()));
        w.put("Preferred place of care", plan.preferredPlaceOfCare());
        w.put("Preferred place of death", plan.preferredPlaceOfDeath());
        LastWeeksOfLife l = plan.lastWeeksOfLife();
        w.put("Last weeks of life recognised", yesNo(l.recognised()));
        w.put("Last weeks of life recognised by", l.recognisedBy());
        w.put("Last weeks of life recognised on", day(l.recognisedOn()));
        return w;
    }

    /** What changed from one plan in words to the next, field by field, 'Not recorded' for nothing. */
    static List<CarePlanVersion.Change> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String[]> both = new LinkedHashMap<>();
        before.forEach((field, value) -> both.computeIfAbsent(field, f -> new String[2])[0] = value);
        after.forEach((field, value) -> both.computeIfAbsent(field, f -> new String[2])[1] = value);
        List<CarePlanVersion.Change> changes = new ArrayList<>();
        both.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changes.add(new CarePlanVersion.Change(field, shown(values[0]), shown(values[1])));
            }
        });
        return changes;
    }

    /** The banner's and the alerts' words for the plan, or {@code null} when it records none of them. */
    static ResuscitationStatus status(AdvanceCarePlan plan) {
        Dnacpr d = plan.dnacpr();
        Respect r = plan.respect();
        LastWeeksOfLife l = plan.lastWeeksOfLife();
        boolean lastWeeks = Boolean.TRUE.equals(l.recognised());
        if (!d.recorded() && !r.recorded() && !lastWeeks) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (d.recorded()) {
            parts.add((d.inPlace() ? "DNACPR" : "No DNACPR decision") + " (" + d.madeBy() + ", " + day(d.madeOn()) + ")");
        }
        if (r.recorded()) {
            List<String> says = new ArrayList<>();
            if (r.priority() != null) {
                says.add(r.priority().label().toLowerCase(Locale.UK));
            }
            if (r.cprRecommendation() != null) {
                says.add(r.cprRecommendation().label());
            }
            if (says.isEmpty()) {
                says.add("recommendations recorded");
            }
            parts.add("ReSPECT: " + String.join(", ", says) + " (" + r.completedBy() + ", " + day(r.completedOn()) + ")");
        }
        String words = parts.isEmpty() ? "No ReSPECT or DNACPR recorded" : String.join("; ", parts);
        LocalDate newest = latest(latest(d.madeOn(), r.completedOn()), lastWeeks ? l.recognisedOn() : null);
        return new ResuscitationStatus(words, Boolean.TRUE.equals(d.inPlace()), lastWeeks,
                lastWeeks ? "Recognised as in the last weeks of life (" + l.recognisedBy() + ", " + day(l.recognisedOn())
                        + ")" : null, newest);
    }

    static String day(LocalDate date) {
        return date == null ? null : DateWords.day(date);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }

    private static String shown(String value) {
        return value == null ? NOT_RECORDED : value;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters (" + stripped.length()
                    + " given)");
        }
        return stripped;
    }

    private static String required(String field, String value, int max, String message) {
        String checked = text(field, value, max);
        if (checked == null) {
            throw new InvalidInputException(field, message);
        }
        return checked;
    }

    private static void notFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, "must be today or earlier, not " + day(date));
        }
    }
}
