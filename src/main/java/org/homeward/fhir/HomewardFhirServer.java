package org.homeward.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.List;

/**
 * HAPI FHIR's plain server (not the JPA server: Homeward's own tables stay the record). The resource providers are
 * thin: each calls a module's public service, which checks the permission table and the care team and audits the
 * read or write exactly as for the pages and the JSON API; translators turn the services' records into UK Core
 * resources and back. HAPI builds the CapabilityStatement ({@code /fhir/metadata}) from the providers' annotated
 * methods, so it lists exactly the interactions and search parameters that are served. A system client (OAuth 2.0
 * bearer token, see the security module) is held to its token's scopes by {@link SystemScopeInterceptor}, and learns
 * how to get a token from {@link SmartConfiguration}.
 */
class HomewardFhirServer extends RestfulServer {

    private final transient List<FhirResourceProvider> resourceProviders;
    private final transient List<FhirSystemProvider> systemProviders;

    HomewardFhirServer(FhirContext context, List<FhirResourceProvider> resourceProviders,
            List<FhirSystemProvider> systemProviders) {
        super(context);
        this.resourceProviders = List.copyOf(resourceProviders);
        this.systemProviders = List.copyOf(systemProviders);
    }

    @Override
    protected void initialize() {
        setServerName("Homeward");
        setImplementationDescription("Homeward Hospital at Home: FHIR R4 (UK Core STU2) facade");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setServerAddressStrategy(new IncomingRequestAddressStrategy());
        setResourceProviders(new ArrayList<>(resourceProviders));
        setPlainProviders(new ArrayList<>(systemProviders));
        registerInterceptor(new ModuleExceptionInterceptor());
        registerInterceptor(new SmartConfiguration());
        new SystemScopeInterceptor().register(getInterceptorService());
    }
}
