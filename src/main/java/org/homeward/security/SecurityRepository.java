package org.homeward.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SecurityRepository {

    private static final String USER_COLUMNS = """
            u.id, u.username, u.password_hash, u.display_name, u.job_title, u.role, u.organisation_id, u.enabled,
            o.name as organisation_name
            """;

    private final JdbcClient jdbc;

    SecurityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertOrganisation(Organisation organisation) {
        jdbc.sql("insert into organisation (id, ods_code, name, type) values (?, ?, ?, ?)")
                .params(organisation.id().value(), organisation.odsCode(), organisation.name(),
                        organisation.type().name())
                .update();
    }

    Optional<Organisation> findOrganisation(OrganisationId id) {
        return jdbc.sql("select * from organisation where id = ?").param(id.value())
                .query(SecurityRepository::organisation).optional();
    }

    void insertPracticeCoverage(String practiceCode, OrganisationId organisation) {
        jdbc.sql("insert into gp_practice_coverage (practice_code, organisation_id) values (?, ?) on conflict do nothing")
                .params(practiceCode, organisation.value()).update();
    }

    List<String> practicesCoveredBy(OrganisationId organisation) {
        return jdbc.sql("select practice_code from gp_practice_coverage where organisation_id = ? order by practice_code")
                .param(organisation.value()).query(String.class).list();
    }

    List<Organisation> organisationsCoveringPractice(String practiceCode) {
        return jdbc.sql("""
                select o.* from organisation o join gp_practice_coverage c on c.organisation_id = o.id
                where c.practice_code = ? order by o.name""")
                .param(practiceCode).query(SecurityRepository::organisation).list();
    }

    List<Organisation> organisations() {
        return jdbc.sql("select * from organisation order by name").query(SecurityRepository::organisation).list();
    }

    void insertUser(UserAccount user, String passwordHash) {
        jdbc.sql("""
                insert into app_user (id, username, password_hash, display_name, job_title, role, organisation_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(user.id().value(), user.username(), passwordHash, user.displayName(), user.jobTitle(),
                        user.role().name(), user.organisationId().value())
                .update();
    }

    Optional<StoredUser> findUserByUsername(String username) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u join organisation o on o.id = u.organisation_id"
                        + " where u.username = ?")
                .param(username).query(SecurityRepository::storedUser).optional();
    }

    /**
     * What a sign-in reads, in one statement (every API request signs in): the account, if anyone has the username,
     * and the username's sign-in throttle row, if failures are recorded against it.
     *
     * @param throttleKey the username as the throttle counts it ({@link LoginThrottle#accountKey})
     */
    SignInRecord forSignIn(String username, String throttleKey) {
        return jdbc.sql("select t.key as throttle_key, t.locked_until, " + USER_COLUMNS + """
                        from (select 1) as one
                        left join login_throttle t on t.kind = 'ACCOUNT' and t.key = ?
                        left join (app_user u join organisation o on o.id = u.organisation_id) on u.username = ?""")
                .params(throttleKey, username)
                .query((rs, row) -> {
                    java.sql.Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    return new SignInRecord(
                            rs.getObject("id") == null ? Optional.empty() : Optional.of(storedUser(rs, row)),
                            rs.getString("throttle_key") != null,
                            lockedUntil == null ? null : lockedUntil.toInstant());
                }).single();
    }

    /**
     * @param throttled whether the username has a sign-in throttle row (failures recorded against it)
     * @param lockedUntil that row's lock, in force or run out; null when none
     */
    record SignInRecord(Optional<StoredUser> user, boolean throttled, java.time.Instant lockedUntil) {
    }

    Optional<StoredUser> findUser(UserId id) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u join organisation o on o.id = u.organisation_id"
                        + " where u.id = ?")
                .param(id.value()).query(SecurityRepository::storedUser).optional();
    }

    List<UserAccount> usersWithRole(Role role) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u join organisation o on o.id = u.organisation_id"
                        + " where u.role = ? and u.enabled order by u.display_name")
                .param(role.name()).query(SecurityRepository::storedUser).list()
                .stream().map(StoredUser::account).toList();
    }

    Set<OrganisationId> organisationsWithRole(Role role, Collection<OrganisationId> organisations) {
        return new HashSet<>(jdbc.sql("select distinct organisation_id from app_user where role = ? and enabled"
                        + " and organisation_id = any(?)")
                .param(role.name()).param(organisations.stream().map(OrganisationId::value).toArray(UUID[]::new))
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class))).list());
    }

    long countUsers() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("ods_code"),
                rs.getString("name"), OrganisationType.valueOf(rs.getString("type")));
    }

    private static StoredUser storedUser(ResultSet rs, int row) throws SQLException {
        UserAccount account = new UserAccount(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("display_name"), rs.getString("job_title"), Role.valueOf(rs.getString("role")),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"));
        return new StoredUser(account, rs.getString("password_hash"), rs.getBoolean("enabled"));
    }

    record StoredUser(UserAccount account, String passwordHash, boolean enabled) {
    }
}
