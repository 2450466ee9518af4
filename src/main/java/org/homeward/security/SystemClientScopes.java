package org.homeward.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The scopes a system client may be registered with and granted, as NHS England's and SMART's system scopes name
 * them: {@code system/{Type}.read} and {@code system/{Type}.write} for each FHIR resource type Homeward serves, and
 * {@code system/*.read}. The FHIR module asks {@link #of} which scopes a request carries and refuses an interaction
 * none of them covers; a person signed in with their own login carries none and is not limited by scopes.
 */
public final class SystemClientScopes {

    /** The resource types the FHIR API serves (its CapabilityStatement lists exactly these; SystemClientIT checks it). */
    public static final List<String> RESOURCE_TYPES = List.of("Patient", "Observation", "Encounter", "Flag",
            "Organization", "DocumentReference", "Bundle", "AllergyIntolerance", "MedicationRequest",
            "MedicationAdministration", "ServiceRequest", "DiagnosticReport", "Task", "CarePlan", "Practitioner",
            "PractitionerRole", "EpisodeOfCare");

    /** Reads every type. */
    public static final String READ_ALL = "system/*.read";

    /** Every system client's request carries this authority; a person's never does. */
    static final String SYSTEM_CLIENT_AUTHORITY = "SYSTEM_CLIENT";

    private static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

    private static final Set<String> ALLOWED;

    static {
        Set<String> allowed = new TreeSet<>();
        for (String type : RESOURCE_TYPES) {
            allowed.add(read(type));
            allowed.add(write(type));
        }
        allowed.add(READ_ALL);
        ALLOWED = java.util.Collections.unmodifiableSet(allowed);
    }

    private SystemClientScopes() {
    }

    public static String read(String resourceType) {
        return "system/" + resourceType + ".read";
    }

    public static String write(String resourceType) {
        return "system/" + resourceType + ".write";
    }

    /** Every scope a client may be registered with, sorted. */
    public static Set<String> allowed() {
        return ALLOWED;
    }

    public static boolean isAllowed(String scope) {
        return ALLOWED.contains(scope);
    }

    /** Whether {@code granted} lets a client read {@code resourceType}. */
    public static boolean grantsRead(Set<String> granted, String resourceType) {
        return granted.contains(read(resourceType)) || granted.contains(READ_ALL);
    }

    /** Whether {@code granted} lets a client create or update {@code resourceType}. */
    public static boolean grantsWrite(Set<String> granted, String resourceType) {
        return granted.contains(write(resourceType));
    }

    /**
     * The scopes granted to the system client making this request, or empty when the request is not a system
     * client's (a person signed in with HTTP Basic or a page session). A client whose token carries no scope gets an
     * empty set, not an empty optional: it may do nothing, rather than everything its account may.
     */
    public static Optional<Set<String>> of(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(SYSTEM_CLIENT_AUTHORITY::equals)) {
            return Optional.empty();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(SCOPE_AUTHORITY_PREFIX)) {
                scopes.add(name.substring(SCOPE_AUTHORITY_PREFIX.length()));
            }
        }
        return Optional.of(Set.copyOf(scopes));
    }

    static String authority(String scope) {
        return SCOPE_AUTHORITY_PREFIX + scope;
    }
}
