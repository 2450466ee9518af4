package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of docs/architecture: modules talk through their base packages only, with no cycles. */
class ModularityTests {

    private static final ApplicationModules modules = ApplicationModules.of(HomewardApplication.class);

    @Test
    void modulesDependOnlyOnEachOthersPublicApiWithoutCycles() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path output = Path.of("target", "spring-modulith-docs");
        deleteRecursively(output);
        new Documenter(modules).writeDocumentation();

        assertThat(output.resolve("components.puml")).isRegularFile();
        for (String module : new String[] {"patient", "referral", "ward", "security", "audit"}) {
            assertThat(output.resolve("module-" + module + ".puml")).isRegularFile();
            assertThat(output.resolve("module-" + module + ".adoc")).isRegularFile();
        }
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.filter(f -> Files.isRegularFile(f)).mapToLong(ModularityTests::size).min().orElse(0))
                    .isPositive();
        }
    }

    /** Files from an earlier run must not make this test pass. */
    private static void deleteRecursively(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        assertThat(folder).doesNotExist();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
