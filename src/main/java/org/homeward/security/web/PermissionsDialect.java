package org.homeward.security.web;

import java.util.Set;
import org.homeward.security.Permission;
import org.homeward.security.Permissions;
import org.homeward.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Lets every template ask the {@link Permissions} table about the signed-in user as {@code #permissions}:
 * {@code th:if="${#permissions.can('SEE_ALERTS')}"}. The role comes from the signed-in authentication, as
 * {@code sec:authorize} reads it; a name that is not a {@link Permission} fails the page rather than hiding a link.
 */
@Component
class PermissionsDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "permissions";

    private static final PagePermissions PAGE_PERMISSIONS = new PagePermissions();

    PermissionsDialect() {
        super("homeward-permissions");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return PAGE_PERMISSIONS;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    /** What the page's signed-in user may do. */
    public static final class PagePermissions {

        /** Whether the signed-in user's role has the permission named {@code permission} (e.g. "SEE_ALERTS"). */
        public boolean can(String permission) {
            Permission asked = Permission.valueOf(permission);
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                return false;
            }
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(authority.getAuthority()) && Permissions.grants(role, asked)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
