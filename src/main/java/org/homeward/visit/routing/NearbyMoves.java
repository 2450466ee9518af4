package org.homeward.visit.routing;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Local search mostly tries moves that put a visit next to one of its nearest visits: a visit moved next to a stranger
 * across the county is almost never better, and trying such moves is most of what a random search does. Timefold's
 * own nearby selection is an Enterprise feature, so this is the community-edition equivalent: filters on Timefold's
 * list change and swap moves (its internal move classes, which is why the Timefold version is pinned).
 */
final class NearbyMoves {

    /** How many nearest visits count as near. */
    static final int NEAREST = 20;

    private NearbyMoves() {
    }

    /** For each visit (by ordinal), its nearest visits by travel time either way, as a set of ordinals. */
    static BitSet[] nearest(List<Visit> visits, TravelMatrix travel) {
        BitSet[] nearest = new BitSet[visits.size()];
        int count = Math.min(NEAREST, visits.size() - 1);
        for (int v = 0; v < visits.size(); v++) {
            Visit visit = visits.get(v);
            int self = v;
            long[] closeness = visits.stream().mapToLong(other -> Math.min(travel.millis(visit.location(),
                    other.location()), travel.millis(other.location(), visit.location()))).toArray();
            nearest[v] = new BitSet(visits.size());
            IntStream.range(0, visits.size()).filter(w -> w != self).boxed()
                    .sorted(Comparator.comparingLong((Integer w) -> closeness[w]).thenComparing(w -> w)).limit(count)
                    .forEach(nearest[v]::set);
        }
        return nearest;
    }

    /** A visit moved to just before or after one of its nearest visits, or onto an empty route. */
    public static final class ChangeFilter implements SelectionFilter<RoutePlan, Move<RoutePlan>> {

        /** Other kinds of move (the solver may pass its no-change move through the same filter) are let through. */
        @Override
        public boolean accept(ScoreDirector<RoutePlan> scoreDirector, Move<RoutePlan> candidate) {
            if (!(candidate instanceof ListChangeMove<RoutePlan> move)) {
                return true;
            }
            Visit moved = (Visit) move.getMovedValue();
            List<Visit> route = ((Staff) move.getDestinationEntity()).visits();
            boolean sameRoute = move.getSourceEntity() == move.getDestinationEntity();
            int destination = move.getDestinationIndex();
            Visit before = neighbour(route, destination - 1, sameRoute, move.getSourceIndex());
            Visit after = neighbour(route, destination, sameRoute, move.getSourceIndex());
            return (before == null && after == null) || moved.near(before) || moved.near(after);
        }

        /** The visit at {@code index} of the route once the moved visit has left it. */
        private static Visit neighbour(List<Visit> route, int index, boolean sameRoute, int sourceIndex) {
            int position = sameRoute && index >= sourceIndex ? index + 1 : index;
            return index < 0 || position >= route.size() ? null : route.get(position);
        }
    }

    /** Two visits near each other swap places. */
    public static final class SwapFilter implements SelectionFilter<RoutePlan, Move<RoutePlan>> {

        @Override
        public boolean accept(ScoreDirector<RoutePlan> scoreDirector, Move<RoutePlan> candidate) {
            return !(candidate instanceof ListSwapMove<RoutePlan> move)
                    || ((Visit) move.getLeftValue()).near((Visit) move.getRightValue());
        }
    }
}
