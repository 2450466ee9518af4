package org.homeward.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One R4 {@link FhirContext} for the application (building one is costly) and HAPI FHIR's plain server mounted at
 * {@code /fhir}, behind the same Spring Security filters as the JSON API (see the security module).
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<HomewardFhirServer> fhirServlet(FhirContext fhirContext, List<FhirResourceProvider> providers,
            List<FhirSystemProvider> systemProviders) {
        ServletRegistrationBean<HomewardFhirServer> registration = new ServletRegistrationBean<>(
                new HomewardFhirServer(fhirContext, providers, systemProviders), "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
