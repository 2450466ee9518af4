/**
 * The demo service: a county-sized Hospital at Home in fictional Dorset organisations, generated from a fixed seed and
 * loaded through the other modules' public services into an empty database, so a fresh install shows a working
 * service (wards, staff of every role, current patients, history) instead of empty pages. See {@link
 * org.homeward.demo.DemoLogins} for the sign-ins. No module test: its one behaviour is loading the demo through
 * almost every other module at start-up, which the demo tests cover over the whole application.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"boardround", "careplan", "diagnostics",
        "medication", "note", "patient", "referral", "rota", "security", "task",
        "ward"})
package org.homeward.demo;
