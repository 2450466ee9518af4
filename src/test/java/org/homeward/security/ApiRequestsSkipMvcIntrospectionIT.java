package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Spring Security's per-request Spring MVC handler look-up is kept for the pages and skipped for the APIs
 * ({@link ApiRequestsSkipMvcIntrospection}). If a Spring Security upgrade builds its filter chain differently, the
 * replacement silently does nothing: this test is what notices.
 */
@IntegrationTest
class ApiRequestsSkipMvcIntrospectionIT {

    @Autowired ConfigurableListableBeanFactory beanFactory;

    @Test
    void theFilterChainStartsWithTheLookUpForPagesOnly() {
        BeanDefinition chain = beanFactory.getBeanDefinition(ApiRequestsSkipMvcIntrospection.FILTER_CHAIN);
        Object filters = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class).getValue();

        assertThat(filters).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).first()
                .isInstanceOfSatisfying(BeanDefinition.class, first -> assertThat(first.getBeanClassName())
                        .isEqualTo(ApiRequestsSkipMvcIntrospection.PagesOnly.class.getName()));
    }

    @Test
    void theJsonAndFhirApisSkipTheLookUpAndPagesKeepIt() {
        assertThat(ApiRequestsSkipMvcIntrospection.PagesOnly.isApi(request("", "/fhir"))).isTrue();
        assertThat(ApiRequestsSkipMvcIntrospection.PagesOnly.isApi(request("", "/fhir/Observation"))).isTrue();
        assertThat(ApiRequestsSkipMvcIntrospection.PagesOnly.isApi(request("/homeward", "/homeward/api/v1/wards")))
                .isTrue();
        assertThat(ApiRequestsSkipMvcIntrospection.PagesOnly.isApi(request("", "/fhirish"))).isFalse();
        assertThat(ApiRequestsSkipMvcIntrospection.PagesOnly.isApi(request("", "/patients/1"))).isFalse();
        assertThat(ApiRequestsSkipMvcIntrospection.PagesOnly.isApi(request("", "/api"))).isFalse();
    }

    private static MockHttpServletRequest request(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        return request;
    }
}
