package org.homeward.security.web;

import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets any controller method take the signed-in {@link CurrentUser} as a parameter. */
@Component
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The resolved user is kept on the request, so the page header does not load it a second time. */
    static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

    private final SecurityService securityService;

    CurrentUserArgumentResolver(SecurityService securityService) {
        this.securityService = securityService;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Not signed in");
        }
        CurrentUser user = securityService.findUserByUsername(authentication.getName())
                .map(CurrentUser::of)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Unknown user"));
        webRequest.setAttribute(REQUEST_ATTRIBUTE, user, NativeWebRequest.SCOPE_REQUEST);
        return user;
    }
}
