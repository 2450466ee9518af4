package org.homeward.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.homeward.rota.RotaService;
import org.homeward.rota.StaffShift;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.Skill;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is coming and roughly when, for the patient or carer holding the patient's personal link: the visits to one
 * patient in a day's current plan, each as a time band, what it is for, and the first name and role of whoever makes
 * it. No staff user is needed; the caller has already turned the link into the patient, and the read is audited in
 * the link's name.
 *
 * <p>The band is the planned start {@link #BAND} either side, widened to whole five minutes, so it never promises
 * more than the plan can: travel is estimated, and a re-plan during the day moves visits. Surnames never leave this
 * class (hazard H071).
 */
@Service
public class PatientVisitTimes {

    /** Either side of the planned start: a nurse delayed by the visit before is still inside it. */
    public static final Duration BAND = Duration.ofMinutes(15);

    private static final RecordAccessed.Actor HOME_LINK = new RecordAccessed.Actor("home-link", null,
            "Patient or carer", "PATIENT_OR_CARER");
    private static final Set<String> TITLES = Set.of("dr", "dr.", "mr", "mrs", "ms", "miss", "mx", "prof", "prof.",
            "professor", "sister", "nurse");

    private final DayPlanRepository plans;
    private final RotaService shifts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientVisitTimes(DayPlanRepository plans, RotaService shifts,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.shifts = shifts;
        this.events = events;
        this.clock = clock;
    }

    /** One person making a visit, as the patient may know them. */
    public record Visitor(String firstName, String role) {
    }

    /**
     * One visit to the patient. {@code from} and {@code to} are {@code null} when the visit is in the plan but no one
     * could be given it yet.
     */
    public record VisitTime(LocalDate day, LocalTime from, LocalTime to, String what, List<Visitor> visitors) {

        public boolean arranged() {
            return from != null;
        }
    }

    /**
     * The patient's visits on {@code day} in the newest plan of each team that visits them, earliest first; empty
     * when no plan of the day has a visit to this patient. Visits the plan reports as missed or not placed are listed
     * without a time.
     */
    @Transactional
    public List<VisitTime> visitsFor(PatientId patient, LocalDate day) {
        List<DayPlan> current = plans.organisationsPlanning(patient, day).stream()
                .map(organisation -> plans.current(organisation, day)).flatMap(Optional::stream).toList();
        List<PlannedVisit> theirs = new ArrayList<>();
        for (DayPlan plan : current) {
            List<PlannedVisit> inPlan = plan.visits().stream().filter(v -> v.patientId().equals(patient)).toList();
            theirs.addAll(inPlan);
            events.publishEvent(RecordAccessed.read(HOME_LINK, AuditedRecord.DAY_PLAN, plan.id(), patient,
                    "patient or carer viewed " + inPlan.size()
                            + " visit time(s) for " + day + " through their home link"));
        }
        ZoneId zone = clock.getZone();
        Map<String, List<PlannedVisit>> byRequirement = new LinkedHashMap<>();
        theirs.forEach(v -> byRequirement.computeIfAbsent(v.requirementId(), r -> new ArrayList<>()).add(v));
        List<VisitTime> times = new ArrayList<>();
        for (List<PlannedVisit> together : byRequirement.values()) {
            PlannedVisit lead = together.stream().filter(v -> !v.assisting()).findFirst().orElse(together.get(0));
            if (!together.stream().allMatch(PlannedVisit::planned)) {
                times.add(new VisitTime(day, null, null, lead.kind().label(), List.of()));
                continue;
            }
            List<Visitor> visitors = together.stream().sorted(Comparator.comparing(PlannedVisit::assisting))
                    .map(this::visitor).toList();
            times.add(new VisitTime(day, floorToFive(lead.startsAt().minus(BAND), zone),
                    ceilToFive(lead.startsAt().plus(BAND), zone), lead.kind().label(), visitors));
        }
        times.sort(Comparator.comparing(VisitTime::from, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(times);
    }

    private Visitor visitor(PlannedVisit visit) {
        Set<Skill> skills = shifts.shift(visit.shiftId()).map(StaffShift::skills).orElse(Set.of());
        return new Visitor(firstName(visit.staffName()), role(skills));
    }

    /** The first word of a display name that is not a title: "Dr Helen Okafor" is Helen. */
    static String firstName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "A member of the team";
        }
        for (String word : displayName.strip().split("\\s+")) {
            if (!TITLES.contains(word.toLowerCase())) {
                return word;
            }
        }
        return "A member of the team";
    }

    /** A plain role from what the staff member is rostered to do, never their job title (free text). */
    static String role(Set<Skill> skills) {
        if (skills.contains(Skill.SENIOR_CLINICIAN)) {
            return "senior clinician";
        }
        if (skills.contains(Skill.PAEDIATRIC_NURSE)) {
            return "children's nurse";
        }
        if (skills.contains(Skill.IV_COMPETENT_NURSE) || skills.contains(Skill.REGISTERED_NURSE)) {
            return "nurse";
        }
        if (skills.contains(Skill.PHYSIOTHERAPIST)) {
            return "physiotherapist";
        }
        if (skills.contains(Skill.PHARMACIST)) {
            return "pharmacist";
        }
        if (skills.contains(Skill.HEALTHCARE_SUPPORT_WORKER)) {
            return "healthcare support worker";
        }
        return "member of the team";
    }

    static LocalTime floorToFive(Instant instant, ZoneId zone) {
        LocalTime time = instant.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return time.minusMinutes(time.getMinute() % 5);
    }

    static LocalTime ceilToFive(Instant instant, ZoneId zone) {
        LocalTime exact = instant.atZone(zone).toLocalTime();
        LocalTime minute = exact.truncatedTo(ChronoUnit.MINUTES);
        if (minute.isBefore(exact)) {
            minute = minute.plusMinutes(1);
        }
        int over = minute.getMinute() % 5;
        return over == 0 ? minute : minute.plusMinutes(5 - over);
    }
}
