package org.homeward.demo;

import static org.homeward.referral.Intervention.IV_THERAPY;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.AddIntervention.FollowUp;
import org.homeward.careplan.InterventionKind;
import org.homeward.referral.Intervention;
import org.homeward.shared.Skill;

/**
 * The home-visit interventions on each current demo patient's plan, following their scenario's referral interventions:
 * IV doses at fixed times (8-hourly, twice daily or once daily, staggered across patients as a real service staggers
 * them so that not every dose falls at 14:00), nebulisers, oxygen, NG feed and phototherapy checks, carer support,
 * subcutaneous fluids, and monitoring as morning bloods before the lab cut-off, a senior review in the first days and
 * at the 14-day review, or daily observations when nothing else brings a nurse. Children are seen by paediatric
 * nurses only. A few frail patients need two staff for carer support (moving and handling), and a patient admitted
 * today has observations an hour or two after their first home IV dose, that dose only. Everything runs from today to the estimated
 * discharge date, and at least to tomorrow, the demo's planned days.
 */
final class DemoCarePlans {

    /** One current patient's interventions, added by the accountable clinician who admitted them. */
    record CarePlan(int episode, String addedBy, List<AddIntervention> interventions) {
    }

    private static final List<List<String>> EIGHT_HOURLY = List.of(List.of("06:00", "14:00", "22:00"),
            List.of("07:00", "15:00", "23:00"));
    private static final List<List<String>> TWICE_DAILY_DIURETIC = List.of(List.of("08:00", "14:00"),
            List.of("09:00", "15:00"), List.of("10:00", "16:00"), List.of("11:00", "17:00"));
    private static final List<String> ONCE_DAILY = List.of("09:00", "11:00", "12:00", "13:00", "18:00", "19:00",
            "20:00");

    private DemoCarePlans() {
    }

    /** A care plan for every patient admitted now, in episode order. */
    static List<CarePlan> plan(DemoRandom random, List<EpisodePlan> episodes, ZonedDateTime now) {
        List<CarePlan> plans = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodePlan episode = episodes.get(i);
            if (episode.stage() == EpisodePlan.Stage.ADMITTED) {
                plans.add(new CarePlan(i, episode.triage().decider(), interventions(random, episode, now)));
            }
        }
        return List.copyOf(plans);
    }

    static List<AddIntervention> interventions(DemoRandom random, EpisodePlan episode, ZonedDateTime now) {
        return new Builder(random, episode, now).build();
    }

    private static final class Builder {
        private final DemoRandom random;
        private final EpisodePlan episode;
        private final LocalDate today;
        private final LocalDate lastDay;
        private final boolean child;
        private final int dayOfStay;
        private final String condition;
        private final List<AddIntervention> result = new ArrayList<>();

        Builder(DemoRandom random, EpisodePlan episode, ZonedDateTime now) {
            this.random = random;
            this.episode = episode;
            this.today = now.toLocalDate();
            LocalDate admitted = episode.admission().admittedAt().atZone(now.getZone()).toLocalDate();
            this.dayOfStay = (int) ChronoUnit.DAYS.between(admitted, today) + 1;
            LocalDate tomorrow = today.plusDays(1);
            LocalDate estimated = episode.admission().estimatedDischargeDate();
            this.lastDay = estimated.isAfter(tomorrow) ? estimated : tomorrow;
            this.child = episode.ward().isPaediatric();
            this.condition = episode.referral().presentingCondition().toLowerCase();
        }

        List<AddIntervention> build() {
            Set<Intervention> needs = episode.referral().interventions();
            if (needs.contains(IV_THERAPY)) {
                ivDoses();
            }
            if (needs.contains(Intervention.NEBULISERS)) {
                add(InterventionKind.NEBULISER, child ? "Salbutamol nebuliser, check technique and response"
                        : "Nebulised salbutamol and ipratropium", times("10:00", "18:00"), 60);
            }
            if (needs.contains(Intervention.OXYGEN)) {
                window(InterventionKind.OXYGEN_CHECK, "Oxygen titration and saturation check", "09:00", "17:00");
            }
            if (needs.contains(Intervention.NG_FEEDING)) {
                add(InterventionKind.NG_FEED_CHECK, "Check NG tube position and feed plan", times("09:00", "17:00"), 60);
            }
            if (needs.contains(Intervention.PHOTOTHERAPY)) {
                add(InterventionKind.PHOTOTHERAPY_CHECK, "Phototherapy check and heel-prick bilirubin",
                        times("09:00", "16:00"), 60);
            }
            if (needs.contains(Intervention.SUBCUTANEOUS_FLUIDS)) {
                window(InterventionKind.SUBCUTANEOUS_FLUIDS, "Check the site and hang the next bag", "08:00", "12:00");
            }
            if (needs.contains(Intervention.CARER_SUPPORT)) {
                carerSupport();
            }
            if (condition.contains("bronchiectasis")) {
                window(InterventionKind.PHYSIOTHERAPY, "Airway clearance physiotherapy", "09:00", "16:00");
            }
            if (needs.contains(Intervention.MONITORING)) {
                monitoring();
            }
            if (result.isEmpty()) {
                window(InterventionKind.OBSERVATIONS, "Daily observations", "09:00", "17:00");
            }
            return List.copyOf(result);
        }

        private void ivDoses() {
            String drug;
            List<String> times;
            InterventionKind kind = InterventionKind.IV_ANTIBIOTIC_DOSE;
            if (episode.ward() == DemoWard.HEART_FAILURE) {
                kind = InterventionKind.IV_MEDICINE_DOSE;
                drug = "IV furosemide";
                times = random.pick(TWICE_DAILY_DIURETIC);
            } else if (condition.contains("pneumonia") || condition.contains("bronchiectasis")) {
                drug = condition.contains("bronchiectasis") ? "IV ceftazidime via midline, 8-hourly"
                        : "IV amoxicillin, 8-hourly";
                times = random.pick(EIGHT_HOURLY);
            } else {
                drug = "IV ceftriaxone, once daily";
                times = List.of(random.pick(ONCE_DAILY));
            }
            if (dayOfStay == 1) {
                // the first home dose is watched: observations an hour or two after it; the day's other doses as usual
                result.add(new AddIntervention(kind, drug + ", first dose at home",
                        null, ivSkill(), null, List.of(times.get(0)), 30, null, null, today, today,
                        new FollowUp(InterventionKind.OBSERVATIONS, 20, 60, 120)));
                if (times.size() > 1) {
                    add(kind, drug, times.subList(1, times.size()), 30, today, today);
                }
                add(kind, drug, times, 30, today.plusDays(1), lastDay);
            } else {
                add(kind, drug, times, 30, today, lastDay);
            }
        }

        private Skill ivSkill() {
            return child ? Skill.PAEDIATRIC_NURSE : Skill.IV_COMPETENT_NURSE;
        }

        /** Frail adults sometimes need two staff to help them move; a child's parents are supported by their nurse. */
        private void carerSupport() {
            if (child) {
                window(InterventionKind.CARER_SUPPORT, "Support for parents caring at home", "10:00", "16:00");
                return;
            }
            boolean twoStaff = condition.contains("fall") && random.chance(0.5);
            result.add(new AddIntervention(InterventionKind.CARER_SUPPORT,
                    twoStaff ? "Moving and handling: help with transfers, two staff" : "Support for the carer at home",
                    twoStaff ? 40 : null, null, twoStaff ? 2 : 1, null, null, "10:00", "16:00", today, lastDay, null));
        }

        /**
         * Bloods before the lab cut-off for diuresis and kidney injury; otherwise a senior review in person in the first
         * two days and at the 14-day review; otherwise observations, unless another visit already brings a nurse.
         */
        private void monitoring() {
            if (episode.ward() == DemoWard.HEART_FAILURE || condition.contains("kidney")) {
                window(InterventionKind.BLOODS, "U&E before the 11:00 lab cut-off", "08:00", "11:00");
            } else if (!child && (dayOfStay <= 2 || dayOfStay >= 14)) {
                one(InterventionKind.REVIEW, dayOfStay >= 14 ? "14-day review" : "Senior review at home",
                        "09:00", "16:00", today, dayOfStay >= 14 ? today : today.plusDays(1));
            } else if (result.isEmpty()) {
                window(InterventionKind.OBSERVATIONS, child ? "Observations and PEWS" : "Observations and NEWS2",
                        "09:00", "17:00");
            }
        }

        private void add(InterventionKind kind, String description, List<String> times, int tolerance) {
            add(kind, description, times, tolerance, today, lastDay);
        }

        private void add(InterventionKind kind, String description, List<String> times, int tolerance,
                LocalDate startsOn, LocalDate endsOn) {
            result.add(new AddIntervention(kind, description, null, childSkill(), null, List.copyOf(times), tolerance,
                    null, null, startsOn, endsOn, null));
        }

        private void window(InterventionKind kind, String description, String from, String to) {
            one(kind, description, from, to, today, lastDay);
        }

        private void one(InterventionKind kind, String description, String from, String to, LocalDate startsOn,
                LocalDate endsOn) {
            result.add(new AddIntervention(kind, description, null, childSkill(), null, null, null, from, to, startsOn,
                    endsOn, null));
        }

        /** Children's visits are all made by children's nurses; adults' by whoever the kind usually needs. */
        private Skill childSkill() {
            return child ? Skill.PAEDIATRIC_NURSE : null;
        }

        private static List<String> times(String... times) {
            return List.of(times);
        }
    }
}
