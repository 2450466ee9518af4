/**
 * The append-only audit trail: who read or changed which record, when, from which organisation and in which role.
 * It listens to {@link org.homeward.shared.RecordAccessed} events; no module depends on it.
 */
package org.homeward.audit;
