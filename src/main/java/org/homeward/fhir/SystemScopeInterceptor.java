package org.homeward.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.UriType;
import org.homeward.security.SystemClientScopes;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Holds a system client to the scopes of its access token; people signed in with their own login carry no scopes and
 * are not affected. Before any provider method runs (HAPI's pre-handled hook, when the resource sent has been parsed):
 * a read, search, history or {@code $validate} needs {@code system/{Type}.read} (or {@code system/*.read}), a create
 * or update {@code system/{Type}.write}; a search's {@code _include} needs read on the type it brings in; a
 * transaction or batch Bundle posted to the base needs, for each entry, write (POST, PUT, PATCH, DELETE) or read
 * (GET) on that entry's type. Anything else a client may not do. A refusal is 403 with an OperationOutcome naming the
 * scopes missing. The scope only narrows: what the acting account may not do (its role, its organisation's care
 * teams) stays refused as for that person.
 *
 * <p>Also advertises the token endpoint in the CapabilityStatement ({@code rest.security}: the OAuth service and
 * SMART's {@code oauth-uris} extension with the {@code token} address).
 */
class SystemScopeInterceptor {

    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    static final String TOKEN_PATH = org.homeward.security.OAuthEndpoints.TOKEN;

    /** Includes Homeward serves, by the search parameter they follow, to the type they bring in. */
    private static final Map<String, String> INCLUDED_TYPE = Map.of("patient", "Patient", "subject", "Patient",
            "episode-of-care", "EpisodeOfCare", "service-provider", "Organization");

    /**
     * Registered as an anonymous interceptor on {@code SERVER_INCOMING_REQUEST_PRE_HANDLED}: HAPI logs every exception
     * an {@code @Hook} method throws at ERROR with its stack trace, and a refusal here is an answer, not a failure.
     */
    void register(IInterceptorService interceptors) {
        interceptors.registerAnonymousInterceptor(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, (pointcut, params) ->
                requireScopes(params.get(RequestDetails.class), params.get(RestOperationTypeEnum.class)));
        interceptors.registerInterceptor(this);
    }

    void requireScopes(RequestDetails request, RestOperationTypeEnum operation) {
        Optional<Set<String>> granted = SystemClientScopes.of(SecurityContextHolder.getContext().getAuthentication());
        if (granted.isEmpty() || operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        Set<String> needed = needed(request, operation);
        Set<String> missing = new TreeSet<>();
        for (String scope : needed) {
            if (!grants(granted.get(), scope)) {
                missing.add(scope);
            }
        }
        if (!missing.isEmpty()) {
            String words = "This system client's token does not grant " + String.join(" and ", missing)
                    + ", which this request needs (granted: " + (granted.get().isEmpty() ? "no scopes"
                    : String.join(" ", new TreeSet<>(granted.get()))) + ").";
            throw new ForbiddenOperationException(words,
                    Outcomes.error(OperationOutcome.IssueType.FORBIDDEN, null, words));
        }
    }

    /** The token endpoint, in the CapabilityStatement everyone can read. */
    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public IBaseConformance advertiseTokenEndpoint(IBaseConformance generated, RequestDetails request) {
        if (!(generated instanceof CapabilityStatement capability) || !capability.hasRest()) {
            return generated;
        }
        String base = request.getFhirServerBase();
        String root = base.endsWith("/fhir") ? base.substring(0, base.length() - "/fhir".length()) : base;
        CapabilityStatement.CapabilityStatementRestSecurityComponent security =
                new CapabilityStatement.CapabilityStatementRestSecurityComponent();
        security.addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")));
        security.setDescription("People sign in with HTTP Basic. System clients registered by their organisation's"
                + " administrator get an access token from the token endpoint: OAuth 2.0 client credentials with a JWT"
                + " assertion signed RS512 (private_key_jwt), scopes system/{Type}.read and system/{Type}.write.");
        Extension uris = security.addExtension().setUrl(OAUTH_URIS);
        uris.addExtension(new Extension("token", new UriType(root + TOKEN_PATH)));
        capability.getRestFirstRep().setSecurity(security);
        return capability;
    }

    private static boolean grants(Set<String> granted, String scope) {
        if (scope.endsWith(".read")) {
            String type = scope.substring("system/".length(), scope.length() - ".read".length());
            return SystemClientScopes.grantsRead(granted, type);
        }
        return granted.contains(scope);
    }

    private static Set<String> needed(RequestDetails request, RestOperationTypeEnum operation) {
        String type = request.getResourceName();
        Set<String> needed = new LinkedHashSet<>();
        switch (operation) {
            case READ, VREAD, SEARCH_TYPE, HISTORY_INSTANCE, HISTORY_TYPE, VALIDATE -> {
                needed.add(SystemClientScopes.read(named(type)));
                for (String include : parameter(request, "_include")) {
                    needed.add(SystemClientScopes.read(includedType(include)));
                }
                for (String include : parameter(request, "_revinclude")) {
                    String[] parts = include.split(":");
                    needed.add(SystemClientScopes.read(parts.length > 0 && !parts[0].isBlank() ? parts[0] : "*"));
                }
            }
            case EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> {
                if (!"$validate".equals(request.getOperation())) {
                    throw refused("operation " + request.getOperation());
                }
                needed.add(SystemClientScopes.read(named(type)));
            }
            case CREATE, UPDATE, PATCH, DELETE -> needed.add(SystemClientScopes.write(named(type)));
            case TRANSACTION, BATCH -> {
                if (!(request.getResource() instanceof Bundle bundle)) {
                    throw refused("a transaction or batch whose Bundle cannot be read");
                }
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    String entryType = entry.hasResource() ? entry.getResource().fhirType()
                            : typeOfUrl(entry.getRequest().getUrl());
                    boolean reads = entry.getRequest().getMethod() == Bundle.HTTPVerb.GET
                            || entry.getRequest().getMethod() == Bundle.HTTPVerb.HEAD;
                    needed.add(reads ? SystemClientScopes.read(entryType) : SystemClientScopes.write(entryType));
                }
            }
            default -> throw refused(operation.getCode() == null ? operation.name() : operation.getCode());
        }
        return needed;
    }

    private static String named(String type) {
        return type == null || type.isBlank() ? "*" : type;
    }

    private static String includedType(String include) {
        String[] parts = include.split(":");
        if (parts.length >= 3 && !parts[2].isBlank()) {
            return parts[2];
        }
        // an include Homeward does not serve needs read on everything; HAPI then refuses it anyway
        return parts.length >= 2 ? INCLUDED_TYPE.getOrDefault(parts[1], "*") : "*";
    }

    private static String typeOfUrl(String url) {
        if (url == null || url.isBlank()) {
            return "*";
        }
        String path = url.split("\\?", 2)[0];
        String first = path.startsWith("/") ? path.substring(1) : path;
        int slash = first.indexOf('/');
        String type = slash < 0 ? first : first.substring(0, slash);
        return type.isBlank() ? "*" : type;
    }

    private static List<String> parameter(RequestDetails request, String name) {
        String[] values = request.getParameters() == null ? null : request.getParameters().get(name);
        return values == null ? List.of() : List.of(values);
    }

    private static ForbiddenOperationException refused(String what) {
        String words = "A system client may not use " + what + " on Homeward's FHIR API.";
        return new ForbiddenOperationException(words, Outcomes.error(OperationOutcome.IssueType.FORBIDDEN, null, words));
    }
}
