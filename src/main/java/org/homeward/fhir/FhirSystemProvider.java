package org.homeward.fhir;

/** A plain (system-level) provider the FHIR server registers, e.g. transaction and batch Bundles at the base. */
interface FhirSystemProvider {
}
