package org.homeward.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one FHIR R4 context of the application. A {@link FhirContext} is expensive to create (it scans the model
 * classes) and thread-safe once built, so the server, the translators and the UK Core validator share this one.
 */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    @Bean
    public FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
