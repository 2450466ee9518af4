package org.homeward.visit.routing;

import ai.timefold.solver.core.api.domain.variable.ListVariableListener;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import java.util.Objects;

/**
 * Keeps visits' arrival and start times up to date as the solver changes routes, through {@link RouteTimer}, and
 * tells the solver about each time that changed so its incremental score follows. Public only because the solver
 * creates it by reflection.
 */
@SuppressWarnings("removal") // see the note on Visit's shadow variables
public final class VisitTimingListener implements ListVariableListener<RoutePlan, Object, Visit> {

    private RouteTimer timer;

    public VisitTimingListener() {
        // created by the solver, one per score director
    }

    @Override
    public void resetWorkingSolution(ScoreDirector<RoutePlan> scoreDirector) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        timer = new RouteTimer(plan.visits().size());
        timer.all(plan, writer(scoreDirector));
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<RoutePlan> scoreDirector, Object staff, int fromIndex,
            int toIndex) {
        timer(scoreDirector).routeChanged((Staff) staff, fromIndex, writer(scoreDirector));
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<RoutePlan> scoreDirector, Visit visit) {
        timer(scoreDirector).visitUnassigned(visit, writer(scoreDirector));
    }

    /*
     * The solver reports every entity as added after resetWorkingSolution, which has already timed all routes; plans
     * gain or lose no staff or visits while solving, so the entity events need nothing.
     */
    @Override
    public void beforeListVariableChanged(ScoreDirector<RoutePlan> scoreDirector, Object staff, int fromIndex,
            int toIndex) {
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<RoutePlan> scoreDirector, Object entity) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<RoutePlan> scoreDirector, Object entity) {
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<RoutePlan> scoreDirector, Object entity) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<RoutePlan> scoreDirector, Object entity) {
    }

    private RouteTimer timer(ScoreDirector<RoutePlan> scoreDirector) {
        if (timer == null) {
            timer = new RouteTimer(scoreDirector.getWorkingSolution().visits().size());
        }
        return timer;
    }

    private static RouteTimer.Times writer(ScoreDirector<RoutePlan> scoreDirector) {
        return (visit, arrival, start, looped) -> {
            if (!Objects.equals(visit.arrivalMillis(), arrival)) {
                scoreDirector.beforeVariableChanged(visit, "arrivalMillis");
                visit.arrivalMillis(arrival);
                scoreDirector.afterVariableChanged(visit, "arrivalMillis");
            }
            if (!Objects.equals(visit.startMillis(), start)) {
                scoreDirector.beforeVariableChanged(visit, "startMillis");
                visit.startMillis(start);
                scoreDirector.afterVariableChanged(visit, "startMillis");
            }
            if (visit.timesLooped() != looped) {
                scoreDirector.beforeVariableChanged(visit, "timesLooped");
                visit.timesLooped(looped);
                scoreDirector.afterVariableChanged(visit, "timesLooped");
            }
            long breakLateness = visit.currentBreakLatenessMillis();
            if (visit.breakLatenessMillis() != breakLateness) {
                scoreDirector.beforeVariableChanged(visit, "breakLatenessMillis");
                visit.breakLatenessMillis(breakLateness);
                scoreDirector.afterVariableChanged(visit, "breakLatenessMillis");
            }
        };
    }
}
