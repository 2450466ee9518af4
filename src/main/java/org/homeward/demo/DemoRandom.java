package org.homeward.demo;

import java.util.List;
import java.util.Random;

/**
 * The single source of variation in the demo plan: {@link Random} with a fixed seed gives the same sequence on every
 * JVM, so the same seed always produces the same service.
 */
final class DemoRandom {

    private final Random random;

    DemoRandom(long seed) {
        this.random = new Random(seed);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** One of {@code choices}, each as likely as its weight (weights need not add up to anything). */
    <T> T weighted(List<Weighted<T>> choices) {
        double total = choices.stream().mapToDouble(Weighted::weight).sum();
        double point = random.nextDouble() * total;
        for (Weighted<T> choice : choices) {
            point -= choice.weight();
            if (point < 0) {
                return choice.value();
            }
        }
        return choices.get(choices.size() - 1).value();
    }

    record Weighted<T>(T value, double weight) {
    }
}
