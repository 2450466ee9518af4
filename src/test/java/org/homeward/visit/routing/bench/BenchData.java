package org.homeward.visit.routing.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark files are: {@code ../shared/bench} beside the repository (as on the project machines and in
 * CI), or the folder named by the system property {@code bench.data}.
 */
final class BenchData {

    private BenchData() {
    }

    static Path folder() {
        Path folder = Path.of(System.getProperty("bench.data", "../shared/bench")).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("benchmark data not found at " + folder
                    + "; run from the repository root with ../shared/bench beside it, or set -Dbench.data=...");
        }
        return folder;
    }

    static Path solomon(String instance) {
        return folder().resolve("solomon").resolve(instance + ".txt");
    }

    static Path hhcrsp(String file) {
        return folder().resolve("hhcrsp").resolve(file);
    }
}
