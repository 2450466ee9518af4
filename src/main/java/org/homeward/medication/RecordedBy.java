package org.homeward.medication;

import org.homeward.security.CurrentUser;

/** Who recorded something: their username, name, role in words and organisation. */
public record RecordedBy(String username, String name, String role, String organisation) {

    static RecordedBy of(CurrentUser user) {
        return new RecordedBy(user.username(), user.displayName(), user.role().label(), user.organisationName());
    }

    /** 'Dr Ann Lee (Senior decision-maker, Dorset County Hospital)'. */
    public String words() {
        return name + " (" + role + ", " + organisation + ")";
    }
}
