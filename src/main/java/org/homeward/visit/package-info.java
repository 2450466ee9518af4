/**
 * Home visits: the interventions on a patient's plan (IV antibiotic doses, bloods, reviews, nebulisers, NG feed and
 * phototherapy checks, carer support) and the visit requirements they generate for a day, with time windows, skills,
 * two-staff visits and follow-up gaps. The solver that turns a day's requirements and shifts into routes is in
 * {@code routing}.
 */
package org.homeward.visit;
