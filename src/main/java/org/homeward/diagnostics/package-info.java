/**
 * Diagnostics (KLoE 6.1-6.4): the test catalogue (kept as data, with the source of each range and limit, changed by
 * {@link org.homeward.diagnostics.TestCatalogueService} as versions checked by {@link
 * org.homeward.diagnostics.CatalogueRules}; each result keeps the range it was flagged against), orders for an
 * admitted patient with their sample taken at home and its transport to the lab, results entered by staff, received
 * through the API or taken at the bedside (point of care), flagged by one rule ({@link
 * org.homeward.diagnostics.ResultFlags}), and each acknowledged by a clinician. A critical result is announced as
 * {@link org.homeward.diagnostics.CriticalResultReceived} in the result's own transaction, for the escalation module to
 * raise an alert; each result awaiting acknowledgement is a task for the clinician who ordered it. Results are never
 * changed or deleted: a correction is a new result that keeps the old.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "referral", "security", "task"})
package org.homeward.diagnostics;
