package org.homeward.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for login; passwords are stored as BCrypt hashes. A username locked after repeated failed sign-ins
 * is loaded as locked, whether or not anyone has it, so Spring Security refuses it before any password check (a
 * remembered password in {@link VerifiedPasswordCache} included) and with the same answer either way.
 */
@Component
class HomewardUserDetailsService implements UserDetailsService {

    private final SecurityRepository repository;
    private final LoginThrottle throttle;

    HomewardUserDetailsService(SecurityRepository repository, LoginThrottle throttle) {
        this.repository = repository;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<Instant> lockedUntil = throttle.lockedUntil(username);
        Optional<SecurityRepository.StoredUser> found = repository.findUserByUsername(username);
        if (found.isEmpty()) {
            if (lockedUntil.isPresent()) {
                // nobody has this username, but it is locked like any other: answer exactly as for a real account
                return new SignInUser(username, "", true, List.of(), lockedUntil.get());
            }
            throw new UsernameNotFoundException("No such user");
        }
        SecurityRepository.StoredUser user = found.get();
        return new SignInUser(user.account().username(), user.passwordHash(), user.enabled(),
                List.of(new SimpleGrantedAuthority(user.account().role().authority())), lockedUntil.orElse(null));
    }

    /** A user as Spring Security signs them in, knowing until when the username is locked ({@code null}: not). */
    static final class SignInUser extends User {

        private final transient Instant lockedUntil;

        SignInUser(String username, String password, boolean enabled,
                Collection<? extends GrantedAuthority> authorities, Instant lockedUntil) {
            super(username, password, enabled, true, true, lockedUntil == null, authorities);
            this.lockedUntil = lockedUntil;
        }

        Instant lockedUntil() {
            return lockedUntil;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
