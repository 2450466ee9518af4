package org.homeward.visit.routing;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

/** Lets tests in other packages build a planner with an environment mode and seed of their choosing. */
public final class RoutePlannerAccess {

    private RoutePlannerAccess() {
    }

    public static RoutePlanner planner(EnvironmentMode mode, long seed) {
        return new RoutePlanner(mode, seed);
    }
}
