package org.homeward.visit.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;
import java.util.Set;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RouteEvaluator;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.RoutePlanner;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.TimeWindow;
import org.homeward.visit.routing.Visit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the HHCRSP files in ../shared/bench/hhcrsp and maps them onto the product's planning model. */
class HhcrspReaderTests {

    @ParameterizedTest
    @CsvSource({
        "InstanzCPLEX_HCSRP_10_1.txt, 10, 3, 3",
        "InstanzCPLEX_HCSRP_25_1.txt, 25, 5, 8",
        "InstanzCPLEX_HCSRP_50_1.txt, 50, 10, 15",
        "InstanzCPLEX_HCSRP_75_1.txt, 75, 15, 23",
        "InstanzVNS_HCSRP_100_1.txt, 100, 20, 30",
        "InstanzVNS_HCSRP_200_1.txt, 200, 30, 60",
        "InstanzVNS_HCSRP_300_1.txt, 300, 40, 100"})
    void readsEveryInstanceWithOneVisitPerServiceNeeded(String file, int patients, int caregivers,
            int doubleServices) throws Exception {
        HhcrspInstance instance = HhcrspReader.read(BenchData.hhcrsp(file));
        RoutePlan plan = instance.toPlan();

        assertThat(instance.nodes()).isEqualTo(patients + 2);
        assertThat(instance.caregivers()).isEqualTo(caregivers);
        assertThat(instance.doubleService()).hasSize(doubleServices);
        assertThat(plan.staff()).hasSize(caregivers);
        assertThat(plan.visits()).hasSize(patients + doubleServices);
    }

    @Test
    void readsTheSmallestInstanceAsPrinted() throws Exception {
        HhcrspInstance a1 = HhcrspReader.read(BenchData.hhcrsp("InstanzCPLEX_HCSRP_10_1.txt"));

        assertThat(a1.doubleService()).containsExactlyInAnyOrder(8, 9, 10); // "DS 11 10 9", numbered from 1
        assertThat(a1.servicesOf(1)).containsExactly(3);
        assertThat(a1.servicesOf(9)).containsExactly(0, 3);
        assertThat(a1.qualified()[0]).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(a1.distance()[0][1]).isEqualTo(38.470768);
        assertThat(a1.windowStart()[1]).isEqualTo(345);
        assertThat(a1.windowEnd()[1]).isEqualTo(465);
        assertThat(a1.processing()[3][3]).isEqualTo(14.0);
        assertThat(a1.simultaneous(8)).isTrue();
        assertThat(a1.simultaneous(9)).isFalse();
    }

    @Test
    void mapsDoubleServicesToTwoStaffVisitsAndGaps() throws Exception {
        RoutePlan plan = HhcrspReader.read(BenchData.hhcrsp("InstanzCPLEX_HCSRP_10_1.txt")).toPlan();

        Staff caregiver = plan.staffMember("caregiver-0");
        assertThat(caregiver.skills()).isEqualTo(Set.of("s0", "s1", "s2"));
        // node 8 needs services 4 and 5 with a minimum gap of 0: both at once, by two people
        assertThat(plan.visit("n8-s4").sameTimeAs()).isSameAs(plan.visit("n8-s5"));
        // node 9 needs 0 then 3, 51 to 102 minutes apart
        Visit second = plan.visit("n9-s3");
        assertThat(second.follows()).isSameAs(plan.visit("n9-s0"));
        assertThat(second.minGapMillis()).isEqualTo(51 * 60_000L);
        assertThat(second.maxGapMillis()).isEqualTo(102 * 60_000L);
        assertThat(plan.visit("n1-s3").windows()).isEqualTo(List.of(new TimeWindow(345 * 60_000L, 465 * 60_000L)));
        assertThat(plan.visit("n1-s3").requiredSkill()).isEqualTo("s3");
        assertThat(plan.visit("n1-s3").durationMillis()).isEqualTo(14 * 60_000L);
    }

    /**
     * The BRKGA of Kummer, Buriol and de Araujo (GECCO 2020) published its routes for this instance
     * (afkummer/gecco2020-brkga, solutions/routes/solution-10-1-13.txt) with "Cost = 226.978 Dist = 680.934 Tard = 0
     * TMax = 0". Timing those routes with this model and evaluator must give the same cost, or the mapping or the
     * evaluator reads the benchmark differently from the people who set its best-known values.
     */
    @Test
    void evaluatesAPublishedSolutionToItsPublishedCost() throws Exception {
        RoutePlan plan = HhcrspReader.read(BenchData.hhcrsp("InstanzCPLEX_HCSRP_10_1.txt")).toPlan();
        plan.assignRoute("caregiver-0", List.of("n10-s2", "n3-s1", "n5-s2", "n9-s0", "n7-s2"));
        plan.assignRoute("caregiver-1", List.of("n8-s4", "n2-s4"));
        plan.assignRoute("caregiver-2", List.of("n8-s5", "n10-s5", "n6-s4", "n1-s3", "n9-s3", "n4-s3"));

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan);

        assertThat(evaluation.violations()).isEmpty();
        assertThat(evaluation.totalDistance()).isCloseTo(680.934, within(0.001));
        assertThat(evaluation.totalOutsideWindowMillis()).isZero();
        assertThat(HhcrspInstance.objective(evaluation)).isCloseTo(226.978, within(0.001));
        // the solver's own timing and score agree: soft = -(travel + tardiness + max tardiness) in milliseconds,
        // each leg rounded to the millisecond
        HardMediumSoftLongScore score = new RoutePlanner().score(plan);
        assertThat(score.hardScore()).isZero();
        assertThat(-score.softScore() / 60_000.0 / 3).isCloseTo(226.978, within(0.001));
        assertThat(plan.visits()).allSatisfy(visit ->
                assertThat(visit.startMillis()).as(visit.id()).isEqualTo(evaluation.times(visit.id()).startMillis()));
    }
}
