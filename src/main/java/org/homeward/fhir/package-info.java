/**
 * FHIR R4 (UK Core STU2) facade over the modules' public services: HAPI FHIR's plain server at /fhir, resource
 * providers over the services, two-way translators and UK Core validation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "observation", "referral", "ward", "security", "escalation", "medication", "diagnostics", "task", "careplan"})
package org.homeward.fhir;
