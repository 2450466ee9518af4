package org.homeward.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homeward.notification.NotificationService;
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

/** Puts the signed-in person's unread notification count into every page, for the header. */
@Component
class UnreadNotificationsInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final NotificationService notifications;
    private final SecurityService security;

    UnreadNotificationsInterceptor(NotificationService notifications, SecurityService security) {
        this.notifications = notifications;
        this.security = security;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/home/**", "/alerts/stream");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (modelAndView == null || authentication == null || authentication instanceof AnonymousAuthenticationToken
                || modelAndView.getViewName() == null || modelAndView.getViewName().startsWith("redirect:")) {
            return;
        }
        security.findUserByUsername(authentication.getName())
                .ifPresent(user -> modelAndView.addObject("unreadNotifications",
                        notifications.unreadCount(CurrentUser.of(user))));
    }
}
