package org.homeward.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.homeward.demo.DemoNames.Generation;
import org.homeward.demo.DemoRandom.Weighted;
import org.homeward.demo.DemoTowns.Town;
import org.homeward.patient.AddCarer;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
import org.homeward.shared.NhsNumber;

/**
 * Fictional people: NHS numbers from the 999 test range (never issued to real patients), Dorset addresses, and phone
 * numbers from Ofcom's drama ranges (01632 960xxx, 07700 900xxx), so nothing in the demo can reach a real person.
 */
final class DemoPeople {

    private static final int NHS_TEST_RANGE_START = 999_000_000;
    private static final List<String> HOUSE_NAMES = List.of("Rose Cottage", "The Old Forge", "Hillview",
            "Orchard House", "Coastguard Cottage", "Meadow View", "The Laurels");
    private static final List<Weighted<String>> ADULT_CARERS = List.of(new Weighted<>("Daughter", 40),
            new Weighted<>("Son", 20), new Weighted<>("Spouse", 30), new Weighted<>("Neighbour", 10));

    private final DemoRandom random;
    private int nhsStem;

    DemoPeople(DemoRandom random) {
        this.random = random;
        this.nhsStem = NHS_TEST_RANGE_START + random.between(100_000, 400_000);
    }

    /** The next valid NHS number, ascending so none repeats; stems whose check digit would be 10 are skipped. */
    String nextNhsNumber() {
        while (true) {
            nhsStem += random.between(1, 37);
            String stem = Integer.toString(nhsStem);
            int check = NhsNumber.checkDigitOf(stem);
            if (check != 10) {
                return stem + check;
            }
        }
    }

    PatientPlan adult(LocalDate dateOfBirth, int ageYears, Sex sex, boolean withCarer) {
        EthnicCategory category = DemoNames.ethnicCategory(random);
        String family = DemoNames.family(random, category);
        String given = DemoNames.given(random, category, sex, DemoNames.generationOf(ageYears));
        String phone = ageYears >= 70 && random.chance(0.6) ? landline() : mobile();
        RegisterPatient details = details(given, family, dateOfBirth, sex, category, phone);
        List<AddCarer> carers = withCarer ? List.of(adultCarer(category, family, sex, ageYears)) : List.of();
        return new PatientPlan(details, carers);
    }

    /** A child with one or two carers; the first always holds parental responsibility. */
    PatientPlan child(LocalDate dateOfBirth, Sex sex) {
        EthnicCategory category = DemoNames.ethnicCategory(random);
        String family = DemoNames.family(random, category);
        String given = DemoNames.given(random, category, sex, Generation.CHILD);
        List<AddCarer> carers = new ArrayList<>();
        boolean motherFirst = random.chance(0.85);
        carers.add(parent(category, family, motherFirst));
        if (random.chance(0.55)) {
            carers.add(random.chance(0.75) ? parent(category, family, !motherFirst) : grandparent(category, family));
        }
        RegisterPatient details = details(given, family, dateOfBirth, sex, category, carers.get(0).phone());
        return new PatientPlan(details, List.copyOf(carers));
    }

    private RegisterPatient details(String given, String family, LocalDate dateOfBirth, Sex sex,
            EthnicCategory category, String phone) {
        Town town = DemoTowns.pickTown(random);
        String street = random.pick(town.streets());
        boolean named = random.chance(0.1);
        String line1 = named ? random.pick(HOUSE_NAMES) : random.between(1, 140) + " " + street;
        String line2 = named ? street : locality(town);
        DemoTowns.Practice practice = random.pick(town.practices());
        return new RegisterPatient(nextNhsNumber(), given, family, dateOfBirth, sex, category, line1, line2,
                town.name(), DemoTowns.postcode(random, town), DemoTowns.latitude(random, town),
                DemoTowns.longitude(random, town), phone, practice.code(), practice.name());
    }

    private String locality(Town town) {
        return town.localities().isEmpty() || random.chance(0.5) ? null : random.pick(town.localities());
    }

    private AddCarer adultCarer(EthnicCategory category, String family, Sex patientSex, int patientAge) {
        return switch (random.weighted(ADULT_CARERS)) {
            case "Spouse" -> spouse(category, family, patientSex, patientAge);
            case "Daughter" -> carer(DemoNames.given(random, category, Sex.FEMALE, Generation.ADULT) + " "
                    + (random.chance(0.5) ? family : DemoNames.family(random, category)), "Daughter", false);
            case "Son" -> carer(DemoNames.given(random, category, Sex.MALE, Generation.ADULT) + " " + family, "Son",
                    false);
            default -> carer(DemoNames.given(random, EthnicCategory.A, Sex.FEMALE, Generation.OLDER) + " "
                    + DemoNames.family(random, EthnicCategory.A), "Neighbour", false);
        };
    }

    private AddCarer spouse(EthnicCategory category, String family, Sex patientSex, int patientAge) {
        Sex partner = patientSex == Sex.FEMALE ? Sex.MALE : Sex.FEMALE;
        return carer(DemoNames.given(random, category, partner, DemoNames.generationOf(patientAge)) + " " + family,
                partner == Sex.FEMALE ? "Wife" : "Husband", false);
    }

    private AddCarer parent(EthnicCategory category, String family, boolean mother) {
        Sex sex = mother ? Sex.FEMALE : Sex.MALE;
        String surname = mother && random.chance(0.25) ? DemoNames.family(random, category) : family;
        return carer(DemoNames.given(random, category, sex, Generation.ADULT) + " " + surname,
                mother ? "Mother" : "Father", true);
    }

    private AddCarer grandparent(EthnicCategory category, String family) {
        return carer(DemoNames.given(random, category, Sex.FEMALE, Generation.OLDER) + " " + family, "Grandmother",
                false);
    }

    private AddCarer carer(String name, String relationship, boolean parentalResponsibility) {
        return new AddCarer(name, relationship, mobile(), parentalResponsibility);
    }

    private String landline() {
        return String.format("01632 960%03d", random.between(0, 999));
    }

    private String mobile() {
        return String.format("07700 900%03d", random.between(0, 999));
    }
}
