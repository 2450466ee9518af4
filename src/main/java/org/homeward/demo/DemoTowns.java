package org.homeward.demo;

import java.util.List;
import org.homeward.demo.DemoRandom.Weighted;

/**
 * Dorset towns the demo patients live in: postcode district, approximate centre, streets and fictional GP practices
 * (ODS-format codes in a J819xx block no real practice uses). Weights roughly follow population, so Poole and
 * Bournemouth supply more patients than Lyme Regis.
 */
final class DemoTowns {

    /** The demo's bounding box: every generated location lies inside Dorset. */
    static final double MIN_LATITUDE = 50.55;
    static final double MAX_LATITUDE = 50.95;
    static final double MIN_LONGITUDE = -2.95;
    static final double MAX_LONGITUDE = -1.75;

    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    record Practice(String code, String name) {
    }

    record Town(String name, String district, double latitude, double longitude, List<String> streets,
            List<String> localities, List<Practice> practices) {
    }

    private static final List<Weighted<Town>> TOWNS = List.of(
            town(8, "Dorchester", "DT1", 50.7154, -2.4367, List.of("Cornwall Road", "Prince of Wales Road",
                    "Maumbury Road", "Monmouth Road", "Olga Road", "Queens Avenue"), List.of("Poundbury", "Fordington"),
                    new Practice("J81901", "Dorchester Town Surgery"), new Practice("J81902", "Poundbury Health Centre")),
            town(10, "Weymouth", "DT4", 50.6144, -2.4576, List.of("Dorchester Road", "Abbotsbury Road",
                    "Chickerell Road", "Rodwell Road", "Lennox Street", "Newstead Road"),
                    List.of("Rodwell", "Westham", "Wyke Regis"),
                    new Practice("J81903", "Weymouth Bayside Surgery"), new Practice("J81904", "Wyke Regis Medical Practice")),
            town(3, "Portland", "DT5", 50.5640, -2.4430, List.of("Easton Lane", "Reforne", "Wakeham", "Weston Road"),
                    List.of("Easton", "Fortuneswell"), new Practice("J81905", "Isle of Portland Medical Centre")),
            town(5, "Bridport", "DT6", 50.7335, -2.7580, List.of("West Allington", "St Andrew's Road",
                    "Victoria Grove", "Bothenhampton Road", "Skilling Hill Road"), List.of("West Bay", "Bradpole"),
                    new Practice("J81906", "Bridport Harbourside Practice")),
            town(2, "Lyme Regis", "DT7", 50.7256, -2.9300, List.of("Sidmouth Road", "Silver Street", "Colway Lane",
                    "Church Street"), List.of(), new Practice("J81907", "Lyme Bay Surgery")),
            town(3, "Sherborne", "DT9", 50.9420, -2.5160, List.of("Newland", "Horsecastles Lane", "Coldharbour",
                    "Westbury"), List.of(), new Practice("J81908", "Sherborne Abbey Surgery")),
            town(4, "Blandford Forum", "DT11", 50.8575, -2.1650, List.of("Salisbury Road", "Whitecliff Mill Street",
                    "Damory Street", "Shaftesbury Lane"), List.of("Blandford St Mary"),
                    new Practice("J81909", "Stour Valley Surgery")),
            town(2, "Sturminster Newton", "DT10", 50.9260, -2.3050, List.of("Bath Road", "Market Cross",
                    "Friars Moor"), List.of(), new Practice("J81910", "Blackmore Vale Surgery")),
            town(5, "Wimborne", "BH21", 50.8000, -1.9870, List.of("Leigh Road", "Victoria Road", "Cowgrove Road",
                    "Rowlands Hill"), List.of("Colehill", "Merley"), new Practice("J81911", "Wimborne Minster Surgery")),
            town(4, "Ferndown", "BH22", 50.8070, -1.8990, List.of("Ringwood Road", "Wimborne Road East",
                    "Church Road", "Golf Links Road"), List.of("West Parley"), new Practice("J81912", "Ferndown Heath Surgery")),
            town(8, "Poole", "BH15", 50.7180, -1.9830, List.of("Longfleet Road", "Kingland Road", "Wimborne Road",
                    "Blandford Road", "Hennings Park Road"), List.of("Hamworthy", "Oakdale"),
                    new Practice("J81913", "Poole Quay Medical Practice"), new Practice("J81914", "Longfleet Surgery")),
            town(5, "Poole", "BH12", 50.7370, -1.9420, List.of("Ashley Road", "Alder Road", "Ringwood Road",
                    "Churchill Road"), List.of("Parkstone", "Branksome"), new Practice("J81915", "Parkstone Heath Surgery")),
            town(8, "Bournemouth", "BH8", 50.7330, -1.8560, List.of("Charminster Road", "Castle Lane West",
                    "Holdenhurst Road", "Queens Park Avenue"), List.of("Queen's Park", "Charminster"),
                    new Practice("J81916", "Charminster Medical Practice"), new Practice("J81917", "Queen's Park Surgery")),
            town(4, "Christchurch", "BH23", 50.7380, -1.7850, List.of("Bargates", "Stour Road", "Fairmile Road",
                    "Barrack Road"), List.of("Jumpers", "Somerford"), new Practice("J81918", "Christchurch Priory Surgery")),
            town(3, "Swanage", "BH19", 50.6090, -1.9620, List.of("Kings Road West", "High Street", "Victoria Avenue",
                    "Northbrook Road"), List.of("Herston"), new Practice("J81919", "Purbeck Bay Surgery")),
            town(3, "Wareham", "BH20", 50.6870, -2.1110, List.of("North Street", "Worgret Road", "Carey Road",
                    "Bere Road"), List.of("Sandford", "Stoborough"), new Practice("J81920", "Wareham Quay Surgery")));

    private DemoTowns() {
    }

    /** Every demo GP practice's code: the demo GP federation covers them all. */
    static List<String> practiceCodes() {
        return TOWNS.stream().flatMap(town -> town.value().practices().stream()).map(Practice::code).toList();
    }

    static Town pickTown(DemoRandom random) {
        return random.weighted(TOWNS);
    }

    /** A valid-format postcode in the town's district; the inward code avoids the letters postcodes never use. */
    static String postcode(DemoRandom random, Town town) {
        return town.district() + " " + random.between(1, 9) + INWARD_LETTERS.charAt(random.between(0, 19))
                + INWARD_LETTERS.charAt(random.between(0, 19));
    }

    static double latitude(DemoRandom random, Town town) {
        return clamp(round(town.latitude() + (random.nextDouble() - 0.5) * 0.02), MIN_LATITUDE, MAX_LATITUDE);
    }

    static double longitude(DemoRandom random, Town town) {
        return clamp(round(town.longitude() + (random.nextDouble() - 0.5) * 0.03), MIN_LONGITUDE, MAX_LONGITUDE);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static Weighted<Town> town(double weight, String name, String district, double latitude,
            double longitude, List<String> streets, List<String> localities, Practice... practices) {
        return new Weighted<>(new Town(name, district, latitude, longitude, streets, localities,
                List.of(practices)), weight);
    }
}
