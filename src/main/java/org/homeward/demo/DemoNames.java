package org.homeward.demo;

import java.util.List;
import org.homeward.demo.DemoRandom.Weighted;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.Sex;

/**
 * Fictional names and ethnic categories. The mix of categories is roughly that of Dorset at the 2021 census (about
 * nine in ten White British); names fit the category and, for White British people, the generation, so a
 * 90-year-old is a Dorothy or an Arthur and a baby an Isla or a Theo.
 */
final class DemoNames {

    enum Generation { CHILD, ADULT, OLDER }

    private record NameSet(List<String> female, List<String> male, List<String> family) {
    }

    private static final List<Weighted<EthnicCategory>> CATEGORIES = List.of(
            new Weighted<>(EthnicCategory.A, 87.5), new Weighted<>(EthnicCategory.B, 0.8),
            new Weighted<>(EthnicCategory.C, 4.0), new Weighted<>(EthnicCategory.D, 0.5),
            new Weighted<>(EthnicCategory.E, 0.3), new Weighted<>(EthnicCategory.F, 0.7),
            new Weighted<>(EthnicCategory.G, 0.5), new Weighted<>(EthnicCategory.H, 0.6),
            new Weighted<>(EthnicCategory.J, 0.2), new Weighted<>(EthnicCategory.K, 0.2),
            new Weighted<>(EthnicCategory.L, 0.6), new Weighted<>(EthnicCategory.M, 0.2),
            new Weighted<>(EthnicCategory.N, 0.5), new Weighted<>(EthnicCategory.P, 0.1),
            new Weighted<>(EthnicCategory.R, 0.4), new Weighted<>(EthnicCategory.S, 0.5),
            new Weighted<>(EthnicCategory.Z, 1.5), new Weighted<>(EthnicCategory.NOT_KNOWN, 0.5));

    private static final List<String> BRITISH_FAMILY = List.of("Hardy", "Legg", "Fudge", "Samways", "Pitman",
            "Loveless", "Guppy", "Bugler", "Cheeseman", "Frampton", "Hayward", "Scutt", "Symonds", "Wareham", "Toms",
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas", "Roberts",
            "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood",
            "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Turner", "Hill", "Cooper", "Morris", "Ward", "King",
            "Baker", "Harrison", "Morgan", "Bennett", "Chaffey", "Dimmer", "Elford", "Gillingham", "Kellaway",
            "Mullins", "Northover", "Paulley", "Ricketts", "Stickland", "Tizzard", "Vincent", "Warr", "Young");

    private static final NameSet BRITISH_OLDER = new NameSet(
            List.of("Margaret", "Dorothy", "Joan", "Patricia", "Barbara", "Jean", "Sheila", "Eileen", "Brenda",
                    "Valerie", "Maureen", "Pamela", "Doreen", "Audrey", "Irene", "Joyce", "Shirley", "Betty",
                    "Sylvia", "Kathleen", "Rosemary", "Gillian", "Elizabeth", "Mary", "Ann", "Marjorie", "Hilda"),
            List.of("Arthur", "Kenneth", "Dennis", "Roy", "Brian", "Derek", "Peter", "John", "Michael", "Ronald",
                    "Geoffrey", "Raymond", "Alan", "Keith", "Colin", "Trevor", "Bernard", "Leonard", "Frank",
                    "Terence", "David", "Malcolm", "Gordon", "Norman", "Robert", "Stanley", "Reginald"),
            BRITISH_FAMILY);

    private static final NameSet BRITISH_ADULT = new NameSet(
            List.of("Susan", "Karen", "Julie", "Linda", "Deborah", "Carol", "Alison", "Tracey", "Jacqueline", "Helen",
                    "Nicola", "Sarah", "Claire", "Emma", "Rachel", "Joanne", "Lisa", "Kelly", "Amanda", "Louise"),
            List.of("Stephen", "Paul", "Andrew", "Mark", "Richard", "Nigel", "Gary", "Ian", "Philip", "Martin",
                    "Simon", "Neil", "Darren", "Jason", "Matthew", "Christopher", "Daniel", "James", "Lee", "Wayne"),
            BRITISH_FAMILY);

    private static final NameSet BRITISH_CHILD = new NameSet(
            List.of("Olivia", "Amelia", "Isla", "Ava", "Freya", "Poppy", "Lily", "Evie", "Florence", "Ivy", "Willow",
                    "Rosie", "Grace", "Sophia", "Mia", "Harper", "Elsie", "Matilda", "Daisy", "Phoebe"),
            List.of("Oliver", "George", "Noah", "Arthur", "Freddie", "Leo", "Theo", "Alfie", "Archie", "Jack",
                    "Harry", "Oscar", "Henry", "Finley", "Teddy", "Reuben", "Albie", "Jude", "Charlie", "Tommy"),
            BRITISH_FAMILY);

    private static final NameSet IRISH = new NameSet(List.of("Siobhan", "Bridget", "Maeve", "Niamh", "Kathleen"),
            List.of("Sean", "Patrick", "Declan", "Liam", "Brendan"),
            List.of("Murphy", "O'Brien", "Kelly", "Byrne", "Walsh", "Ryan", "Doyle"));
    private static final NameSet OTHER_WHITE = new NameSet(
            List.of("Agnieszka", "Katarzyna", "Maria", "Ana", "Elena", "Ioana", "Zofia"),
            List.of("Piotr", "Tomasz", "Jan", "Joao", "Andrei", "Marek", "Luca"),
            List.of("Nowak", "Silva", "Popescu", "Kaminski", "Ferreira", "Horvath", "Lewandowski", "Rossi"));
    private static final NameSet SOUTH_ASIAN = new NameSet(
            List.of("Priya", "Sunita", "Anjali", "Nasreen", "Fatima", "Shabana", "Rukhsana", "Aaliyah", "Meera"),
            List.of("Rajesh", "Sanjay", "Mohammed", "Imran", "Abdul", "Tariq", "Arjun", "Ibrahim", "Dev"),
            List.of());
    private static final NameSet BLACK = new NameSet(
            List.of("Abena", "Chipo", "Ngozi", "Marcia", "Janet", "Beverley", "Amara", "Zainab"),
            List.of("Kwame", "Tunde", "Emmanuel", "Delroy", "Winston", "Samuel", "Kofi", "Jerome"),
            List.of("Okafor", "Mensah", "Adeyemi", "Osei", "Nwosu", "Campbell", "Grant", "Francis"));
    private static final NameSet CHINESE = new NameSet(List.of("Mei", "Xiu", "Ling", "Hui"),
            List.of("Wei", "Jian", "Hao", "Ming"), List.of("Wong", "Chen", "Li", "Zhang", "Lau"));
    private static final NameSet OTHER_GROUP = new NameSet(List.of("Leila", "Maricel", "Yasmin", "Elif"),
            List.of("Omar", "Jose", "Karim", "Emre"), List.of("Haddad", "Santos", "Demir", "Mansour", "Reyes"));

    private DemoNames() {
    }

    static EthnicCategory ethnicCategory(DemoRandom random) {
        return random.weighted(CATEGORIES);
    }

    static Generation generationOf(int ageYears) {
        if (ageYears < 18) {
            return Generation.CHILD;
        }
        return ageYears < 70 ? Generation.ADULT : Generation.OLDER;
    }

    static String given(DemoRandom random, EthnicCategory category, Sex sex, Generation generation) {
        NameSet names = names(category, generation);
        return random.pick(sex == Sex.FEMALE ? names.female() : names.male());
    }

    static String family(DemoRandom random, EthnicCategory category) {
        return switch (category) {
            case H -> random.pick(List.of("Patel", "Sharma", "Singh", "Gupta", "Mistry"));
            case J -> random.pick(List.of("Khan", "Hussain", "Akhtar", "Iqbal"));
            case K -> random.pick(List.of("Begum", "Ahmed", "Miah", "Rahman"));
            case L -> random.pick(List.of("Perera", "Fernando", "Gurung", "Nair", "Tamang"));
            default -> random.pick(names(category, Generation.ADULT).family());
        };
    }

    private static NameSet names(EthnicCategory category, Generation generation) {
        return switch (category) {
            case B -> IRISH;
            case C -> OTHER_WHITE;
            case H, J, K, L -> SOUTH_ASIAN;
            case E, M, N, P -> BLACK;
            case R -> CHINESE;
            case S -> OTHER_GROUP;
            default -> british(generation);
        };
    }

    private static NameSet british(Generation generation) {
        return switch (generation) {
            case CHILD -> BRITISH_CHILD;
            case ADULT -> BRITISH_ADULT;
            case OLDER -> BRITISH_OLDER;
        };
    }
}
