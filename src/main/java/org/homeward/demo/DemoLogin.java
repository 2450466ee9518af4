package org.homeward.demo;

import org.homeward.security.Role;

/** One demo sign-in: every demo user has the password {@link DemoLogins#PASSWORD}. */
public record DemoLogin(String username, String displayName, String jobTitle, Role role, String organisation) {
}
