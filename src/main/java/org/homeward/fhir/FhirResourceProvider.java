package org.homeward.fhir;

import ca.uhn.fhir.rest.server.IResourceProvider;

/** A resource provider the FHIR server registers: every Spring bean of this type is served at {@code /fhir}. */
interface FhirResourceProvider extends IResourceProvider {
}
