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
        SecurityRepository.SignInRecord read = repository.forSignIn(username, LoginThrottle.accountKey(username));
        LoginThrottle.AccountState state = throttle.accountState(read.throttled(), read.lockedUntil());
        Optional<SecurityRepository.StoredUser> found = read.user();
        if (found.isEmpty()) {
            if (state.lockedUntil() != null) {
                // nobody has this username, but it is locked like any other: answer exactly as for a real account
                return new SignInUser(username, "", true, List.of(), state, null);
            }
            throw new UsernameNotFoundException("No such user");
        }
        SecurityRepository.StoredUser user = found.get();
        return new SignInUser(user.account().username(), user.passwordHash(), user.enabled(),
                List.of(new SimpleGrantedAuthority(user.account().role().authority())), state, user.account());
    }

    /**
     * A user as Spring Security signs them in, knowing until when the username is locked ({@code null}: not) and
     * whether failed sign-ins were recorded against it.
     */
    static final class SignInUser extends User {

        private final transient Instant lockedUntil;
        private final boolean hadFailures;
        /** The account as read to check this sign-in; null when nobody has the username. */
        private final transient UserAccount account;

        SignInUser(String username, String password, boolean enabled,
                Collection<? extends GrantedAuthority> authorities, LoginThrottle.AccountState state,
                UserAccount account) {
            super(username, password, enabled, true, true, state.lockedUntil() == null, authorities);
            this.lockedUntil = state.lockedUntil();
            this.hadFailures = state.hasFailures();
            this.account = account;
        }

        UserAccount account() {
            return account;
        }

        Instant lockedUntil() {
            return lockedUntil;
        }

        boolean hadFailures() {
            return hadFailures;
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
