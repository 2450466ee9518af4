package org.homeward.escalation;

import java.util.List;

/**
 * One page of closed alerts, most recently closed first.
 *
 * @param page from 1
 * @param pages at least 1
 * @param total closed alerts the user may see under the filter
 */
public record AlertHistory(List<AlertView> alerts, int page, int pages, long total) {

    public static final int PAGE_SIZE = 25;

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
