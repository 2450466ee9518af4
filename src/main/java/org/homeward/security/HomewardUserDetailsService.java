package org.homeward.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for login; passwords are stored as BCrypt hashes. */
@Component
class HomewardUserDetailsService implements UserDetailsService {

    private final SecurityRepository repository;

    HomewardUserDetailsService(SecurityRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecurityRepository.StoredUser user = repository.findUserByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.account().username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(List.of(new SimpleGrantedAuthority(user.account().role().authority())))
                .build();
    }
}
