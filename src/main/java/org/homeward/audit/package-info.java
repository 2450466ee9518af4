/**
 * The append-only audit trail: who read or changed which record, when, from which organisation and in which role.
 * It listens to {@link org.homeward.shared.RecordAccessed} events; no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "security"})
package org.homeward.audit;
