package org.homeward.fhir;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** For tests in other packages: makes the virtual-ward summaries due now, as the one-node job would. */
public final class SummaryPublishing {

    private SummaryPublishing() {
    }

    public static int publishDue(ApplicationContext context, Instant now) {
        return context.getBean(VirtualWardSummaryPublisher.class).publishDue(now);
    }
}
