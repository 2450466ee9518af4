/**
 * Care plan: the interventions on a patient's plan (IV antibiotic doses, bloods, reviews, nebulisers, NG feed and
 * phototherapy checks, carer support), each with when it is due (fixed times of day within a tolerance, or a daily
 * window), the skill it needs, one or two staff, an optional follow-up within a minimum and maximum gap, and the days
 * it runs; added and ended by the care team, and ended by discharge. The visit module turns the interventions due on a
 * day into that day's visits. Acuity and criteria to reside ({@link org.homeward.careplan.AcuityService}): a daily
 * assessment per admitted patient from the acuity tool's rows, which are data a service changes, giving a level that
 * orders the board round, suggests visits a day and weighs each ward's capacity (ward names and beds from the ward
 * module, through the referral module's census).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "referral", "security", "ward"})
package org.homeward.careplan;
