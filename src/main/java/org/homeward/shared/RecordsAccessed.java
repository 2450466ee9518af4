package org.homeward.shared;

import java.util.List;

/**
 * Several {@link RecordAccessed} entries from one request (e.g. a device batch touching many patients), written to
 * the audit trail in one batch inside the request's transaction.
 */
public record RecordsAccessed(List<RecordAccessed> entries) {
}
