package org.homeward.demo;

import java.util.Arrays;
import org.homeward.security.OrganisationType;

/**
 * The four fictional organisations sharing the demo service, one of each type, with ODS-like codes that no real
 * organisation uses (real trust codes such as R0D or RDY are avoided).
 */
enum DemoOrganisation {
    ACUTE("R9W", "Wessex Coast University Hospitals NHS Foundation Trust", OrganisationType.ACUTE_TRUST),
    COMMUNITY("R9C", "Dorset Downs Community Health NHS Trust", OrganisationType.COMMUNITY_PROVIDER),
    GP_FEDERATION("Y9J01", "Jurassic Coast GP Federation", OrganisationType.GP_FEDERATION),
    ICB("Q9W", "NHS Wessex Coast Integrated Care Board", OrganisationType.ICB);

    private final String odsCode;
    private final String displayName;
    private final OrganisationType type;

    DemoOrganisation(String odsCode, String displayName, OrganisationType type) {
        this.odsCode = odsCode;
        this.displayName = displayName;
        this.type = type;
    }

    String odsCode() {
        return odsCode;
    }

    String displayName() {
        return displayName;
    }

    OrganisationType type() {
        return type;
    }

    static DemoOrganisation named(String name) {
        return Arrays.stream(values()).filter(o -> o.displayName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo organisation called " + name));
    }
}
