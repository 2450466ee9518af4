/**
 * Home visits: the visit requirements of a day, made from the interventions due on it (the {@code careplan} module),
 * the doses on the medicines chart given at a visit (the {@code medication} module) and urgent visits (after an alert, say), with time windows, skills, two-staff visits and follow-up gaps; the day plan
 * of each organisation's visiting team over its shifts (the {@code rota} module), made by the solver and re-planned
 * during the day around visits under way; visit records (arrival, departure, outcome, what was given) and the missed,
 * overdue and late visits a coordinator chases. The solver that turns a day's requirements and shifts into routes is in
 * {@code routing}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"careplan", "diagnostics", "escalation", "medication", "observation", "patient", "referral", "rota", "scoring", "security", "ward"})
package org.homeward.visit;
