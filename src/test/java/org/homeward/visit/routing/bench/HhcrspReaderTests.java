package org.homeward.visit.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
        assertThat(plan.visit("n1-s3").requiredSkills()).containsExactly("s3");
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

    /**
     * A published plan for the first 200-patient instance, and the proof that bks.csv's best known for it (1721.4,
     * Mankowska et al. 2014) is no bound: the GECCO 2020 BRKGA published these routes
     * (afkummer/gecco2020-brkga, solutions/routes/solution-200-1-1.txt) with "Cost = 1436.32 Dist = 4273.46
     * Tard = 26.2011 TMax = 9.29117". Sixty of its 200 patients need two services, 31 of them at once. This pins the
     * mapping: the way back to the depot counts as travel (the distance matches to the hundredth); the depot's time
     * windows bind nobody (routes end after the depot's 600); simultaneous halves start together. It also pins the
     * one rule in which the model is stricter than the benchmark: the benchmark may delay the first service of a
     * precedence pair so that the second starts within the maximum gap, the model never delays the earlier visit
     * (timing rule 3), so exactly the four pairs the BRKGA decoder delayed break the gap here and nothing else does.
     * A stricter rule can make the model's results worse than the benchmark's, never better.
     */
    @Test
    void evaluatesAPublishedLargeSolutionAsTheBenchmarkDoesSaveWhereItDelaysAFirstService() throws Exception {
        RoutePlan plan = HhcrspReader.read(BenchData.hhcrsp("InstanzVNS_HCSRP_200_1.txt")).toPlan();
        PUBLISHED_200_1.lines().forEach(line -> {
            String[] staffAndVisits = line.strip().split(":");
            plan.assignRoute(staffAndVisits[0], List.of(staffAndVisits[1].strip().split(" ")));
        });

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan);

        assertThat(evaluation.visitTimes()).hasSize(260);
        assertThat(evaluation.totalDistance()).isCloseTo(4273.46, within(0.01));
        assertThat(evaluation.violations()).filteredOn(violation -> violation.rule() != RouteEvaluation.Rule.TIME_WINDOW)
                .extracting(RouteEvaluation.Violation::rule, RouteEvaluation.Violation::subject)
                .containsExactlyInAnyOrder(
                        tuple(RouteEvaluation.Rule.GAP_BETWEEN_VISITS, "n172-s4"),
                        tuple(RouteEvaluation.Rule.GAP_BETWEEN_VISITS, "n178-s5"),
                        tuple(RouteEvaluation.Rule.GAP_BETWEEN_VISITS, "n184-s5"),
                        tuple(RouteEvaluation.Rule.GAP_BETWEEN_VISITS, "n196-s5"));
        assertThat(plan.visit("n178-s5").follows()).isSameAs(plan.visit("n178-s2"));
        assertThat(evaluation.routes()).anyMatch(route -> route.endMillis() > 600 * 60_000L);
        List<Visit> leads = plan.visits().stream().filter(visit -> visit.sameTimeAs() != null && !visit.assisting())
                .toList();
        assertThat(leads).hasSize(31).allSatisfy(lead -> assertThat(evaluation.times(lead.id()).startMillis())
                .isEqualTo(evaluation.times(lead.sameTimeAs().id()).startMillis()));
    }

    /** Routes of the published 200-patient solution: caregiver, then node and service of each visit in order. */
    private static final String PUBLISHED_200_1 = """
            caregiver-0: n47-s0 n33-s0 n175-s0 n15-s0 n179-s0 n195-s0 n199-s0 n185-s0 n197-s0 n107-s0 n46-s0
            caregiver-1: n181-s2 n81-s2 n182-s2 n186-s2 n17-s2 n123-s2 n178-s2 n194-s2 n193-s2 n5-s2 n131-s2 n57-s2 n59-s2 n7-s2 n191-s2
            caregiver-2: n180-s1 n78-s1 n56-s1 n3-s1 n41-s1 n110-s1
            caregiver-3: n42-s2 n70-s2 n67-s2 n22-s2 n21-s2 n173-s2 n40-s2 n133-s2
            caregiver-4: n13-s1 n73-s1 n192-s1
            caregiver-5: n177-s1 n134-s1 n31-s1 n12-s1 n111-s1 n128-s1 n176-s1 n58-s1
            caregiver-6: n43-s1 n198-s2 n62-s1 n71-s1 n60-s2 n188-s2 n184-s2 n97-s1 n11-s1 n53-s2 n30-s2 n200-s2 n99-s2
            caregiver-7: n139-s0 n189-s0 n98-s1 n82-s0 n101-s0 n19-s0 n84-s0 n100-s0 n129-s2 n105-s0 n38-s0 n92-s0 n75-s0 n89-s1
            caregiver-8: n125-s0 n120-s1 n104-s1 n190-s1 n172-s1 n48-s0 n77-s0 n171-s1 n196-s0
            caregiver-9: n61-s0 n18-s0 n174-s0 n137-s2 n183-s0 n90-s0 n187-s0 n93-s2 n103-s0 n106-s0 n66-s0 n25-s2 n55-s0
            caregiver-10: n181-s4 n159-s3 n91-s3 n14-s3 n118-s5 n145-s4 n113-s5 n34-s4 n157-s4 n141-s4 n28-s5 n164-s4
            caregiver-11: n149-s3 n115-s3 n162-s3 n176-s3 n152-s3 n163-s3 n168-s3 n44-s3 n191-s3 n164-s3
            caregiver-12: n83-s5 n151-s3 n87-s5 n150-s3
            caregiver-13: n159-s5 n140-s4 n175-s5 n54-s3 n160-s4 n6-s4 n142-s3 n94-s4 n39-s3 n16-s4 n165-s4 n184-s5 n158-s3 n29-s3 n167-s3 n36-s3
            caregiver-14: n8-s4 n151-s4 n161-s4 n155-s4 n51-s4 n32-s4 n74-s4 n143-s4
            caregiver-15: n148-s3 n146-s4 n68-s4 n162-s4 n183-s4 n124-s4 n4-s3
            caregiver-16: n50-s5 n180-s4 n149-s5 n146-s5 n166-s4 n178-s5 n86-s5 n144-s4 n187-s4 n147-s4 n96-s5 n116-s4 n80-s5
            caregiver-17: n117-s5 n27-s4 n65-s4 n37-s3 n136-s4 n119-s4 n114-s5 n145-s5 n64-s3 n63-s4 n153-s3 n171-s5 n156-s3 n196-s5
            caregiver-18: n88-s5 n174-s3 n157-s5 n141-s5
            caregiver-19: n177-s5 n189-s3 n52-s3 n161-s5 n155-s5
            caregiver-20: n148-s4 n20-s5 n190-s5 n172-s4 n160-s5 n142-s4 n126-s4 n165-s5 n200-s3
            caregiver-21: n127-s3 n198-s5 n138-s3 n170-s5 n45-s3 n169-s3 n79-s3 n135-s3 n179-s3 n188-s3 n76-s3 n153-s5 n158-s5 n167-s5 n69-s5
            caregiver-22: n182-s4 n186-s4 n166-s3 n85-s3 n26-s5 n109-s3 n152-s5 n163-s4 n168-s5 n130-s5
            caregiver-23: n95-s5 n122-s5 n9-s4 n150-s5 n173-s4
            caregiver-24: n154-s3 n49-s4 n102-s4 n24-s5 n170-s4 n169-s4 n23-s4 n144-s5 n195-s4 n112-s4 n147-s5 n156-s4
            caregiver-25: n154-s5 n194-s3 n193-s5 n1-s3 n132-s3 n2-s4 n35-s5 n199-s4 n72-s4 n185-s4 n197-s5 n143-s5
            caregiver-26: n108-s3 n10-s4 n121-s4 n192-s3
            """;
}
