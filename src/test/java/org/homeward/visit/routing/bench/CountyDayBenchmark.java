package org.homeward.visit.routing.bench;

import java.time.Duration;

final class CountyDayBenchmark {
    static void run(Duration perInstance) {
    }
}
