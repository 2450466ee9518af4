package org.homeward.diagnostics;

import java.util.List;
import java.util.UUID;

/**
 * Structured results for one order, as a lab sends them (JSON now; HL7 v2 ORU or FHIR later map onto this). The NHS
 * number must be the order's patient's: a result is never filed against another patient.
 */
public record ResultsIn(UUID orderId, String nhsNumber, List<ResultLine> results) {
}
