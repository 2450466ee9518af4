package org.homeward.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations and user accounts: the public API of the security module. */
@Service
public class SecurityService {

    private final SecurityRepository repository;
    private final PasswordEncoder passwordEncoder;

    SecurityService(SecurityRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public Organisation createOrganisation(String odsCode, String name, OrganisationType type) {
        Organisation organisation = new Organisation(OrganisationId.random(), odsCode, name, type);
        repository.insertOrganisation(organisation);
        return organisation;
    }

    @Transactional
    public UserAccount createUser(String username, String password, String displayName, String jobTitle, Role role,
            OrganisationId organisationId) {
        if (password == null || password.length() < 12) {
            throw new InvalidInputException("password", "Password must be at least 12 characters");
        }
        return createUserWithHash(username, passwordEncoder.encode(password), displayName, jobTitle, role,
                organisationId);
    }

    /** For bulk set-up (the demo service) where many accounts share one already-hashed password. */
    @Transactional
    public UserAccount createUserWithHash(String username, String passwordHash, String displayName, String jobTitle,
            Role role, OrganisationId organisationId) {
        Organisation organisation = organisation(organisationId);
        if (repository.findUserByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "Username " + username + " is already taken");
        }
        UserAccount user = new UserAccount(UserId.random(), username, displayName, jobTitle, role, organisationId,
                organisation.name());
        repository.insertUser(user, passwordHash);
        return user;
    }

    public String hashPassword(String password) {
        return passwordEncoder.encode(password);
    }

    @Transactional(readOnly = true)
    public Organisation organisation(OrganisationId id) {
        return repository.findOrganisation(id)
                .orElseThrow(() -> new NotFoundException("No organisation with id " + id));
    }

    /**
     * Records the GP practices (ODS codes such as J81012) a GP organisation covers: a patient registered with one of
     * them has that organisation as their GP in the care team once admitted. Set-up, like creating the organisation.
     */
    @Transactional
    public void coverPractices(OrganisationId gpOrganisation, Collection<String> practiceCodes) {
        Organisation organisation = organisation(gpOrganisation);
        if (organisation.type() != OrganisationType.GP_FEDERATION) {
            throw new InvalidInputException("organisationId", organisation.name() + " is not a GP organisation ("
                    + organisation.type().label() + "), so it covers no GP practices");
        }
        practiceCodes.forEach(code -> repository.insertPracticeCoverage(code.trim().toUpperCase(), gpOrganisation));
    }

    /**
     * The GP organisation's own administrator records the practices it covers (adding to those already recorded),
     * each an ODS practice code such as J81012.
     */
    @Transactional
    public List<String> coverPractices(CurrentUser user, OrganisationId gpOrganisation, Collection<String> practiceCodes) {
        user.require(Permission.RECORD_COVERED_GP_PRACTICES);
        if (!gpOrganisation.equals(user.organisationId())) {
            throw new ForbiddenException("You administer " + user.organisationName() + "; the practices another"
                    + " organisation covers are recorded by its own administrator");
        }
        if (practiceCodes.isEmpty()) {
            throw new InvalidInputException("practiceCodes", "Name at least one GP practice code");
        }
        for (String code : practiceCodes) {
            if (code == null || !code.trim().toUpperCase().matches("^[A-Z][0-9]{5}$")) {
                throw new InvalidInputException("practiceCodes", "'" + code + "' is not an ODS practice code such as J81012");
            }
        }
        coverPractices(gpOrganisation, practiceCodes);
        return repository.practicesCoveredBy(gpOrganisation);
    }

    /** The GP organisations covering this GP practice (usually one; none if the practice is outside the service). */
    @Transactional(readOnly = true)
    public List<Organisation> gpOrganisationsCovering(String practiceCode) {
        return practiceCode == null ? List.of() : repository.organisationsCoveringPractice(practiceCode.trim().toUpperCase());
    }

    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return repository.organisations();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findUser(UserId id) {
        return repository.findUser(id).map(SecurityRepository.StoredUser::account);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findUserByUsername(String username) {
        return repository.findUserByUsername(username).map(SecurityRepository.StoredUser::account);
    }

    /**
     * The active account a request to a stateless API (JSON or FHIR: no session, so it signs in on every request)
     * signed in as. With HTTP Basic its account was read to check the password in this same request and is used as
     * read then, not read a second time; anything else (a system client's token) is looked up by name. Not for the
     * pages: their sign-in is kept in a session, and the account may have changed since.
     */
    public Optional<UserAccount> signedInToStatelessApi(org.springframework.security.core.Authentication authentication) {
        if (authentication.getPrincipal() instanceof HomewardUserDetailsService.SignInUser signIn
                && signIn.account() != null && signIn.isEnabled()) {
            return Optional.of(signIn.account());
        }
        return repository.findUserByUsername(authentication.getName()).filter(SecurityRepository.StoredUser::enabled)
                .map(SecurityRepository.StoredUser::account);
    }

    /**
     * {@link #signedInToStatelessApi} as the user services act for: a system client's token (its subject is the
     * client id) makes a user acting through that client, so every audit line of the request names it.
     */
    public Optional<CurrentUser> statelessApiUser(org.springframework.security.core.Authentication authentication) {
        String viaClient = authentication instanceof org.springframework.security.oauth2.server.resource.authentication
                .JwtAuthenticationToken token ? token.getToken().getSubject() : null;
        return signedInToStatelessApi(authentication).map(CurrentUser::of)
                .map(user -> viaClient == null ? user : user.viaSystemClient(viaClient));
    }

    /** The user with this username if their account is enabled (may sign in and be given work), else empty. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findActiveUser(String username) {
        return repository.findUserByUsername(username).filter(SecurityRepository.StoredUser::enabled)
                .map(SecurityRepository.StoredUser::account);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> usersWithRole(Role role) {
        return repository.usersWithRole(role);
    }

    /** Those of {@code organisations} where at least one enabled user holds {@code role}: one query. */
    @Transactional(readOnly = true)
    public Set<OrganisationId> organisationsWithRole(Role role, Collection<OrganisationId> organisations) {
        return organisations.isEmpty() ? Set.of() : repository.organisationsWithRole(role, organisations);
    }

    /** The users whose role has {@code permission}, role by role in the order of {@link Permissions}. */
    @Transactional(readOnly = true)
    public List<UserAccount> usersWho(Permission permission) {
        return Permissions.rolesWith(permission).stream().flatMap(role -> repository.usersWithRole(role).stream())
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean hasAnyUser() {
        return repository.countUsers() > 0;
    }
}
