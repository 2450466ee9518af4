package org.homeward;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API requests that no controller method answers (an unknown path, a method the path does not allow, a content type
 * it does not take) fail before {@link ApiExceptionHandler} can see them, because that advice applies to REST
 * controllers only; they would fall through to Spring Boot's {@code /error} JSON, which is not a problem detail.
 * This answers them as problem details too. Pages are left to the error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutingErrorConfiguration implements WebMvcConfigurer {

    private final ObjectMapper objectMapper;

    ApiRoutingErrorConfiguration(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this::resolve);
    }

    private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (handler instanceof HandlerMethod || !(e instanceof ErrorResponse known)
                || !known.getStatusCode().is4xxClientError()
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        ProblemDetail problem = known.getBody();
        problem.setType(URI.create("about:blank"));
        try {
            response.setStatus(known.getStatusCode().value());
            known.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem);
        } catch (IOException notWritten) {
            return null;
        }
        return new ModelAndView();
    }
}
