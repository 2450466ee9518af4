package org.homeward;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Leaves page links as written. The webjars locator on the class path switches on Spring's resource chain, which
 * serves {@code /webjars/htmx.org/dist/htmx.min.js} without its version; with it Spring Boot registers a filter
 * that passes every link a page builds ({@code @{...}} in a template) through the resource resolvers, to rewrite
 * links to static files with a version. Homeward has no versioned links, so the filter never changed one, but for a
 * link that is not a static file (a patient's page) each resolver looked for that file in every jar of the
 * application before giving up: three quarters of the time spent on a board round page at 10,000 patients (issue 12,
 * bench/README.md). Serving webjars without their version is unaffected.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinkConfiguration {

    /** Replaces Spring Boot's registration of the filter with one that is switched off. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingSwitchedOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
