package org.homeward.demo;

import static org.homeward.shared.Skill.HEALTHCARE_SUPPORT_WORKER;
import static org.homeward.shared.Skill.IV_COMPETENT_NURSE;
import static org.homeward.shared.Skill.PAEDIATRIC_NURSE;
import static org.homeward.shared.Skill.PHYSIOTHERAPIST;
import static org.homeward.shared.Skill.REGISTERED_NURSE;
import static org.homeward.shared.Skill.SENIOR_CLINICIAN;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.homeward.rota.AddShift;
import org.homeward.security.Role;
import org.homeward.shared.Skill;

/**
 * The visiting team's rota for the demo's planned days: early, day, late and out-of-hours shifts from three team
 * bases, with skills in the mix the demo's interventions need. Most of the IV doses fall in fixed windows, so the IV
 * nurses are the largest group; bloods cluster before the lab cut-off, so the early shift has the most registered
 * nurses. The named community clinicians (the nurses, the physiotherapist, the nurse practitioner) work a shift
 * each; the rest are generated visiting staff, {@link #TEAM_AT_SCALE_ONE} of them per demo scale, who sign in like
 * any demo user. All are in the community provider's team, which plans its own day, so the acute trust's pharmacist
 * is not on this rota. Deterministic: no randomness at all.
 */
final class DemoRota {

    /** Where a shift starts and ends: the team's bases, west to east, so no visit is much over half an hour away. */
    enum Base {
        BRIDPORT(50.7360, -2.7500),
        DORCHESTER(50.7120, -2.4470),
        POOLE(50.7190, -1.9760);

        private final double latitude;
        private final double longitude;

        Base(double latitude, double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
        }

        double latitude() {
            return latitude;
        }

        double longitude() {
            return longitude;
        }
    }

    /** Shift times; an out-of-hours late shift ends after midnight, still part of the day it starts on. */
    enum Pattern {
        OUT_OF_HOURS_EARLY(LocalTime.of(5, 0), LocalTime.of(13, 0)),
        EARLY(LocalTime.of(7, 0), LocalTime.of(15, 0)),
        DAY(LocalTime.of(9, 0), LocalTime.of(17, 0)),
        LATE(LocalTime.of(13, 0), LocalTime.of(21, 0)),
        OUT_OF_HOURS_LATE(LocalTime.of(15, 30), LocalTime.of(1, 0));

        private final LocalTime starts;
        private final LocalTime ends;

        Pattern(LocalTime starts, LocalTime ends) {
            this.starts = starts;
            this.ends = ends;
        }
    }

    /** One member of the visiting team: who, which skills, which shift and where from. */
    record Member(String username, Set<Skill> skills, Pattern pattern, Base base) {
    }

    private record Group(String usernamePrefix, String jobTitle, Set<Skill> skills, Pattern pattern, int count) {
    }

    private static final Set<Skill> IV_NURSE = EnumSet.of(IV_COMPETENT_NURSE, REGISTERED_NURSE,
            HEALTHCARE_SUPPORT_WORKER);
    private static final Set<Skill> NURSE = EnumSet.of(REGISTERED_NURSE, HEALTHCARE_SUPPORT_WORKER);
    private static final Set<Skill> CHILDRENS_NURSE = EnumSet.of(PAEDIATRIC_NURSE);
    private static final Set<Skill> PRACTITIONER = EnumSet.of(SENIOR_CLINICIAN, IV_COMPETENT_NURSE, REGISTERED_NURSE);

    /** The generated team at demo scale 1, in the order their logins are numbered. */
    private static final List<Group> TEAM = List.of(
            new Group("ivnurse", "Staff Nurse (IV-competent), Hospital at Home", IV_NURSE, Pattern.OUT_OF_HOURS_EARLY, 6),
            new Group("ivnurse", "Staff Nurse (IV-competent), Hospital at Home", IV_NURSE, Pattern.EARLY, 8),
            new Group("ivnurse", "Staff Nurse (IV-competent), Hospital at Home", IV_NURSE, Pattern.LATE, 10),
            new Group("ivnurse", "Staff Nurse (IV-competent), Hospital at Home", IV_NURSE, Pattern.OUT_OF_HOURS_LATE, 6),
            new Group("staffnurse", "Community Staff Nurse, Hospital at Home", NURSE, Pattern.EARLY, 6),
            new Group("staffnurse", "Community Staff Nurse, Hospital at Home", NURSE, Pattern.LATE, 2),
            new Group("hcsw", "Healthcare Support Worker, Hospital at Home", EnumSet.of(HEALTHCARE_SUPPORT_WORKER),
                    Pattern.DAY, 3),
            new Group("childnurse", "Children's Community Nurse", CHILDRENS_NURSE, Pattern.EARLY, 3),
            new Group("childnurse", "Children's Community Nurse", CHILDRENS_NURSE, Pattern.LATE, 3),
            new Group("acp", "Advanced Clinical Practitioner, Hospital at Home", PRACTITIONER, Pattern.DAY, 2));

    static final int TEAM_AT_SCALE_ONE = TEAM.stream().mapToInt(Group::count).sum();

    /** The named demo clinicians' shifts: once, whatever the scale, as each is one person. */
    private static final List<Member> NAMED = List.of(
            new Member("nurse", IV_NURSE, Pattern.EARLY, Base.DORCHESTER),
            new Member("nurse2", NURSE, Pattern.EARLY, Base.POOLE),
            new Member("nurse3", CHILDRENS_NURSE, Pattern.EARLY, Base.POOLE),
            new Member("nurse4", IV_NURSE, Pattern.DAY, Base.POOLE),
            new Member("physio", EnumSet.of(PHYSIOTHERAPIST), Pattern.DAY, Base.DORCHESTER),
            new Member("practitioner", PRACTITIONER, Pattern.DAY, Base.DORCHESTER));

    /** Bases in turn, weighted like the demo's patients: about half in the east, a third around Dorchester. */
    private static final List<Base> BASE_TURNS = List.of(Base.POOLE, Base.DORCHESTER, Base.POOLE, Base.BRIDPORT,
            Base.POOLE, Base.DORCHESTER, Base.POOLE, Base.DORCHESTER, Base.POOLE, Base.BRIDPORT);

    private static final List<String> GIVEN = List.of("Amy", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Gemma", "Harry",
            "Isobel", "Jake", "Kerry", "Liam", "Megan", "Nathan", "Olu", "Priya", "Rosie", "Sam", "Tessa", "Will",
            "Zara", "Adam", "Beth", "Callum", "Dina", "Ewan", "Faye", "Gareth", "Hollie", "Imran", "Jodie", "Kieran",
            "Laura", "Marcus", "Niamh", "Owen", "Pippa");
    private static final List<String> FAMILY = List.of("Ackland", "Bartlett", "Coombs", "Dibben", "Eason", "Fooks",
            "Gale", "House", "Isaacs", "Jeanes", "Keates", "Lock", "Meech", "Norris", "Oakley", "Penny", "Read",
            "Squibb", "Trowbridge", "Upshall", "Voss", "Whittle", "Yeatman", "Zakaria", "Abbott", "Brine", "Cull",
            "Damen", "Elsworth", "Foot", "Gosney", "Hibbs", "Ironside", "Janes", "Kerley", "Lush", "Mowlam",
            "Nutbeam", "Ollerenshaw", "Pope", "Rendall");

    private DemoRota() {
    }

    /** The generated visiting staff's logins, {@link #TEAM_AT_SCALE_ONE} times the scale. */
    static List<DemoLogin> logins(int scale) {
        List<DemoLogin> logins = new ArrayList<>();
        forEachMember(scale, (group, member, index) -> logins.add(new DemoLogin(member.username(), name(index),
                group.jobTitle(), Role.CLINICIAN, DemoOrganisation.COMMUNITY.displayName())));
        return List.copyOf(logins);
    }

    /** Everyone's shift on {@code day}, named clinicians first, each starting and ending at their base. */
    static List<AddShift> shifts(LocalDate day, int scale) {
        List<Member> members = new ArrayList<>(NAMED);
        forEachMember(scale, (group, member, index) -> members.add(member));
        return members.stream().map(m -> shift(m, day)).toList();
    }

    private interface MemberConsumer {
        void accept(Group group, Member member, int index);
    }

    private static void forEachMember(int scale, MemberConsumer consumer) {
        int index = 0;
        java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int copy = 0; copy < scale; copy++) {
            for (Group group : TEAM) {
                for (int i = 0; i < group.count(); i++) {
                    int number = numbers.merge(group.usernamePrefix(), 1, Integer::sum);
                    Member member = new Member(group.usernamePrefix() + number, group.skills(), group.pattern(),
                            BASE_TURNS.get(index % BASE_TURNS.size()));
                    consumer.accept(group, member, index);
                    index++;
                }
            }
        }
    }

    /** Names that do not repeat for the first few hundred staff: the two lists' lengths have no common factor. */
    private static String name(int index) {
        return GIVEN.get(index % GIVEN.size()) + " " + FAMILY.get(index % FAMILY.size());
    }

    private static AddShift shift(Member member, LocalDate day) {
        Pattern p = member.pattern();
        LocalDate endDay = p.ends.isAfter(p.starts) ? day : day.plusDays(1);
        return new AddShift(member.username(), day.atTime(p.starts), endDay.atTime(p.ends), member.skills(),
                member.base().latitude(), member.base().longitude(), null, null, 30, 10);
    }
}
