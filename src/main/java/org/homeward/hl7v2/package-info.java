/**
 * HL7 v2 ADT over MLLP from an NHS trust's integration engine: a listener (HAPI HL7v2) that stores every message,
 * applies ADT events to patients as the integration engine's own account (so the permission table, the care-team
 * rules and the audit apply unchanged) and acknowledges only what is committed; a repeated control id is never applied
 * twice. A40 merges a duplicate record into the surviving one through the patient module (ADR 0006). Administrators
 * search the raw messages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "referral", "security", "ward"})
package org.homeward.hl7v2;
