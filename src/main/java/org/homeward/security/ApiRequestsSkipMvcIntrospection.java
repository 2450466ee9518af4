package org.homeward.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security 6.5 wraps its filter chains in a filter that, for every request, asks Spring MVC which handler
 * would take the request and with what CORS policy ({@link HandlerMappingIntrospector}'s cache), so that MVC request
 * matchers can reuse the answer. The API chains ({@code /api/**}, {@code /fhir/**}) match by path only, and
 * {@code /fhir} is HAPI FHIR's servlet, which MVC never sees: there the look-up walks every MVC mapping for nothing,
 * and it was a tenth of a FHIR ingest request's CPU (bench/README.md, FHIR ingest). This keeps the look-up for the
 * pages and skips it for the APIs.
 * <p>
 * It replaces Spring Security's cache filter in the {@code springSecurityFilterChain} definition before any bean is
 * made. If a later Spring Security builds that definition differently, it changes nothing and says so in the log
 * (the look-up then simply stays); {@code ApiRequestsSkipMvcIntrospectionIT} fails, so an upgrade notices.
 */
final class ApiRequestsSkipMvcIntrospection implements BeanFactoryPostProcessor {

    static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final Logger log = LoggerFactory.getLogger(ApiRequestsSkipMvcIntrospection.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition chain = beanFactory.getBeanDefinition(FILTER_CHAIN);
        ConstructorArgumentValues.ValueHolder filters = chain.getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        if (filters == null || !(filters.getValue() instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof BeanDefinition cache) || cache.getBeanClassName() == null
                || !cache.getBeanClassName().endsWith("HandlerMappingIntrospectorCacheFilterFactoryBean")) {
            log.warn("Spring Security's filter chain is not built as expected; every API request keeps Spring MVC's"
                    + " handler look-up");
            return;
        }
        RootBeanDefinition pagesOnly = new RootBeanDefinition(PagesOnly.class);
        pagesOnly.getConstructorArgumentValues().addIndexedArgumentValue(0,
                new RuntimeBeanReference("mvcHandlerMappingIntrospector"));
        @SuppressWarnings("unchecked")
        List<Object> replaced = (List<Object>) list;
        replaced.set(0, pagesOnly);
    }

    /** Spring MVC's handler look-up for the pages; none for the JSON and FHIR APIs. */
    static final class PagesOnly implements Filter {

        private final Filter cache;

        PagesOnly(HandlerMappingIntrospector introspector) {
            this.cache = introspector.createCacheFilter();
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && isApi(http)) {
                chain.doFilter(request, response);
            } else {
                cache.doFilter(request, response, chain);
            }
        }

        static boolean isApi(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/fhir") || path.startsWith("/fhir/") || path.startsWith("/api/");
        }
    }
}
