package org.homeward.fhir;

import java.time.Instant;
import org.homeward.shared.AdmissionId;
import org.springframework.context.ApplicationContext;

/** For tests in other packages: makes a virtual-ward summary due now, as the one-node job would. */
public final class SummaryPublishing {

    private SummaryPublishing() {
    }

    /** Makes this stay's summary (not the other tests' or the demo's, which the test's job never makes). */
    public static int publish(ApplicationContext context, AdmissionId stay, Instant now) {
        return context.getBean(VirtualWardSummaryPublisher.class).publish(stay, now);
    }
}
