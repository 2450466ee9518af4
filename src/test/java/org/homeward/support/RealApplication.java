package org.homeward.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.homeward.HomewardApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The real application started on a test's own data folder, keeping its embedded database from one start to the next,
 * on a free port, without demo data: for the tests of what survives a restart.
 * <p>
 * The settings are command-line arguments, not {@code SpringApplicationBuilder.properties(...)}: those are default
 * properties, the lowest precedence, so the test classpath's {@code config/application.yml} (data-dir
 * {@code target/test-db-N}, clean-on-start true) would win and the test would wipe the shared test database instead of
 * using its own folder.
 */
public final class RealApplication {

    private RealApplication() {
    }

    /**
     * Starts the application on {@code dataDir}; with {@code clock} (not null) in place of the real clock, so a test can
     * stop it one evening and start it the next morning; {@code more} settings after the usual ones.
     */
    public static ConfigurableApplicationContext start(Path dataDir, TestClock clock, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--homeward.data-dir=" + dataDir, "--server.port=0",
                "--homeward.demo-data=never", "--homeward.embedded-db.clean-on-start=false",
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(more));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HomewardApplication.class);
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock",
                    TestClock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        return builder.run(arguments.toArray(String[]::new));
    }
}
