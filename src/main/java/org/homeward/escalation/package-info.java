/**
 * Escalation: alerts raised by early-warning scores, stored in the same transaction as the readings that caused them,
 * with a response deadline, and their lifecycle raised, acknowledged, responded, closed. One open alert per patient;
 * a worse score raises its severity. A critical test result ({@link org.homeward.diagnostics.CriticalResultReceived})
 * raises an alert in the result's own transaction; a time-critical dose missed
 * ({@link org.homeward.medication.TimeCriticalDoseMissed}) in the late-dose check's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"careplan", "diagnostics", "medication", "notification", "observation", "patient", "referral", "rota", "scoring", "security", "ward"})
package org.homeward.escalation;
