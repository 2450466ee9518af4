package org.homeward.demo;

import java.util.stream.Collectors;
import org.homeward.demo.DemoDataTrigger.Decision;
import org.homeward.security.SecurityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demo service at start-up when {@link DemoDataTrigger} says so, before the application reports ready, and
 * says in one log line what it did and why.
 */
@Component
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final DemoLoader loader;
    private final SecurityService security;
    private final String mode;
    private final String datasourceUrl;

    DemoDataRunner(DemoLoader loader, SecurityService security, @Value("${homeward.demo-data:auto}") String mode,
            @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.loader = loader;
        this.security = security;
        this.mode = mode;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        Decision decision = DemoDataTrigger.decide(DemoDataMode.parse(mode), datasourceUrl.isEmpty(),
                !security.hasAnyUser());
        if (!decision.load()) {
            log.info("Demo data not loaded: {}", decision.reason());
            return;
        }
        DemoLoadReport report = loader.load();
        log.info("Demo data loaded because {}: {} in {} ms", decision.reason(), report.summary(),
                report.took().toMillis());
        log.info("Demo sign-ins, password '{}':\n{}", DemoLogins.PASSWORD, DemoLogins.all().stream()
                .map(l -> String.format("  %-14s %-24s %-55s %s", l.username(), l.role().label(), l.organisation(),
                        l.jobTitle()))
                .collect(Collectors.joining("\n")));
        log.info("Plus {} visiting staff with shifts today and tomorrow (ivnurse1, staffnurse1, hcsw1, childnurse1, "
                + "acp1, ...), same password", report.plan().staff().size() - DemoLogins.all().size());
    }
}
