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
        int from = offset == null ? 0 : Math.max(0, offset);
        int size = count == null ? DEFAULT_SIZE : Math.max(0, Math.min(MAX_SIZE, count));
        List<? extends IBaseResource> page = from >= all.size() ? List.of()
                : all.subList(from, Math.min(all.size(), from + size));
        SimpleBundleProvider provider = new SimpleBundleProvider(page);
        provider.setCurrentPageOffset(from);
        provider.setCurrentPageSize(size);
        provider.setSize(all.size());
        return provider;
    }
}
