package org.homeward.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the signed-in user into every rendered page's model as {@code currentUser}, for the header and menus. */
@Component
class CurrentUserModelInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final SecurityService securityService;

    CurrentUserModelInterceptor(SecurityService securityService) {
        this.securityService = securityService;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (modelAndView == null || authentication == null || authentication instanceof AnonymousAuthenticationToken
                || modelAndView.getViewName() == null || modelAndView.getViewName().startsWith("redirect:")) {
            return;
        }
        Object resolved = request.getAttribute(CurrentUserArgumentResolver.REQUEST_ATTRIBUTE);
        if (resolved instanceof CurrentUser user) {
            modelAndView.addObject("currentUser", user);
        } else {
            securityService.findUserByUsername(authentication.getName())
                    .ifPresent(user -> modelAndView.addObject("currentUser", CurrentUser.of(user)));
        }
    }
}
