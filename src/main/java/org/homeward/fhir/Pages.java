package org.homeward.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Offset paging without state on the server: a search returns one page and the total, and HAPI writes the
 * {@code next} and {@code previous} links with {@code _offset} and {@code _count}, so any node can answer the next
 * page.
 */
final class Pages {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private Pages() {
    }

    static IBundleProvider of(List<? extends IBaseResource> all, Integer offset, Integer count) {
        return of(all, offset, count, all.size());
    }

    /**
     * A page of a result of which only the newest part was read: {@code newest} holds at least the result's first
     * {@code offset + count} items (more when there are, so a full page is known to be followed by another).
     *
     * @param total how many the whole result holds; null when unknown: HAPI then writes the next link only when
     *        {@code newest} holds more than {@code offset + count} (an exactly full last page has none)
     */
    static IBundleProvider of(List<? extends IBaseResource> newest, Integer offset, Integer count, Integer total) {
        int from = offset(offset);
        int size = size(count);
        List<? extends IBaseResource> page = from >= newest.size() ? List.of()
                : newest.subList(from, Math.min(newest.size(), from + size));
        SimpleBundleProvider provider = new SimpleBundleProvider(page);
        provider.setCurrentPageOffset(from);
        provider.setCurrentPageSize(size);
        provider.setSize(total);
        // how many were read from the page's start, the page and the one after it: HAPI then knows whether a next
        // page exists without a total, instead of guessing from a full page (and logging a WARN each time it does)
        provider.setTotalResourcesRequestedReturned((int) Math.max(0, Math.min((long) newest.size() - from,
                (long) size + 1)));
        return provider;
    }

    static int offset(Integer offset) {
        return offset == null ? 0 : Math.max(0, offset);
    }

    static int size(Integer count) {
        return count == null ? DEFAULT_SIZE : Math.max(0, Math.min(MAX_SIZE, count));
    }

    /**
     * How many of the newest items a page needs read: the pages before it, itself, and one more to know whether it is
     * the last.
     */
    static int needed(Integer offset, Integer count) {
        long needed = (long) offset(offset) + size(count) + 1;
        return (int) Math.min(Integer.MAX_VALUE, needed);
    }
}
