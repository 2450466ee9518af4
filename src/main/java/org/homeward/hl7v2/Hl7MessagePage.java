package org.homeward.hl7v2;

import java.util.List;

/**
 * One page of inbound HL7 v2 messages, newest first.
 *
 * @param total the number of messages matching the filters
 */
public record Hl7MessagePage(List<Hl7MessageView> messages, long total, int page, int pageSize) {

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
