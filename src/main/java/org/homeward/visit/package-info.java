/**
 * Home visits: the interventions on a patient's plan (IV antibiotic doses, bloods, reviews, nebulisers, NG feed and
 * phototherapy checks, carer support) and the visit requirements they generate for a day, with time windows, skills,
 * two-staff visits and follow-up gaps; staff shifts; the day plan of each organisation's visiting team, made by the
 * solver and re-planned during the day around visits under way (an urgent visit after an alert); visit records
 * (arrival, departure, outcome, what was given) and the missed, overdue and late visits a coordinator chases. The
 * solver that turns a day's requirements and shifts into routes is in {@code routing}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"escalation", "observation", "patient", "referral", "scoring", "security", "ward"})
package org.homeward.visit;
