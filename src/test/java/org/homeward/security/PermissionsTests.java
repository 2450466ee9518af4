package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.junit.jupiter.api.Test;

class PermissionsTests {

    private static final Path DOC = Path.of("docs/permissions.md");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void grantsEveryPermissionToSomeRole() {
        assertThat(Permissions.grantedToNobody()).isEmpty();
    }

    @Test
    void refusalNamesTheRoleWhatWasRefusedAndTheRolesThatMayInTheTablesOrder() {
        CurrentUser nurse = user(Role.CLINICIAN);

        assertThatThrownBy(() -> nurse.require(Permission.PLAN_VISITS)).isInstanceOf(ForbiddenException.class)
                .hasMessage("Your role (Clinician (nurse / AHP)) may not plan the day's visits; this needs: "
                        + "Coordinator, Senior decision-maker.");
        assertThatThrownBy(() -> user(Role.COMMISSIONER).require(Permission.SUBMIT_OBSERVATIONS))
                .hasMessage("Your role (Commissioner) may not submit observations; this needs: "
                        + "Clinician (nurse / AHP), Senior decision-maker, Coordinator.");
    }

    @Test
    void requireLetsThroughEveryRoleTheTableGrants() {
        for (Permission permission : Permission.values()) {
            for (Role role : Role.values()) {
                CurrentUser user = user(role);
                boolean granted = Permissions.rolesWith(permission).contains(role);
                assertThat(user.can(permission)).as(role + " " + permission).isEqualTo(granted);
                if (granted) {
                    user.require(permission);
                } else {
                    assertThatThrownBy(() -> user.require(permission)).isInstanceOf(ForbiddenException.class);
                }
            }
        }
    }

    @Test
    void keepsTheRulesThatWereRoleChecks() {
        assertThat(Permissions.rolesWith(Permission.CLOSE_ALERTS_NEEDING_SENIOR_REVIEW))
                .containsExactly(Role.SENIOR_DECISION_MAKER);
        assertThat(Permissions.rolesWith(Permission.BE_ACCOUNTABLE_CLINICIAN))
                .containsExactly(Role.SENIOR_DECISION_MAKER);
        assertThat(Permissions.rolesWith(Permission.OPEN_PATIENT_RECORDS)).doesNotContain(Role.COMMISSIONER,
                Role.ADMIN);
    }

    @Test
    void pagesAskThePermissionTableNotRoles() throws IOException {
        Set<String> names = EnumSet.allOf(Permission.class).stream().map(Enum::name).collect(Collectors.toSet());
        Pattern asked = Pattern.compile("#permissions\\.can\\('([^']*)'\\)");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String page = Files.readString(file, StandardCharsets.UTF_8);
                if (page.contains("hasRole(") || page.contains("hasAnyRole(") || page.contains("#authorization")) {
                    problems.add(file + " checks a role; ask #permissions.can('...') instead");
                }
                Matcher m = asked.matcher(page);
                while (m.find()) {
                    if (!names.contains(m.group(1))) {
                        problems.add(file + " asks for " + m.group(1) + ", which is not a Permission");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * {@code docs/permissions.md} is written from the table; when it is out of date this test writes it afresh and
     * fails, so the change is seen and committed with the table.
     */
    @Test
    void permissionsDocumentMatchesTheTable() throws IOException {
        String expected = PermissionsDocument.markdown();
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as(DOC + " was out of date and has been rewritten; commit it").isEqualTo(expected);
    }

    private static CurrentUser user(Role role) {
        return new CurrentUser(new UserId(UUID.randomUUID()), "someone", "Some One", role,
                new OrganisationId(UUID.randomUUID()), "Some organisation");
    }
}
