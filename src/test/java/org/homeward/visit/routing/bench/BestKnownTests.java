package org.homeward.visit.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BestKnownTests {

    @Test
    void readsTheSolomonTableFromTheBenchmarkReadme() throws Exception {
        Map<String, BestKnown.Solomon> best = BestKnown.solomon(BenchData.folder().resolve("README.md"));

        assertThat(best).containsOnlyKeys("C101", "C201", "R101", "R201", "RC101", "RC201");
        assertThat(best.get("C101")).isEqualTo(new BestKnown.Solomon(10, 828.94));
        assertThat(best.get("RC201")).isEqualTo(new BestKnown.Solomon(4, 1406.94));
    }

    @Test
    void readsHhcrspBestKnownValuesByFamilyAndNumber() throws Exception {
        Map<String, Double> best = BestKnown.hhcrsp(BenchData.hhcrsp("bks.csv"));

        assertThat(best).hasSize(70);
        assertThat(best.get("A1")).isEqualTo(218.2);
        assertThat(best.get("G1")).isEqualTo(2248.0);
    }

    @Test
    void comparesHhcrspAgainstTheLowerOfBksCsvAndLaterPublishedValues() throws Exception {
        Map<String, Double> best = BestKnown.hhcrspBest(BenchData.hhcrsp("bks.csv"));

        assertThat(best).hasSize(70);
        assertThat(best.get("A1")).isEqualTo(218.2); // the same in both
        assertThat(best.get("D1")).isEqualTo(1149.7); // bks.csv: 1301.01
        assertThat(best.get("F1")).isEqualTo(1372.69); // bks.csv: 1721.4
        assertThat(best.get("A2")).isEqualTo(246.6); // bks.csv only
    }

    @Test
    void namesInstanceFilesByTheirBestKnownId() {
        assertThat(BestKnown.hhcrspId("InstanzCPLEX_HCSRP_10_1")).isEqualTo("A1");
        assertThat(BestKnown.hhcrspId("InstanzCPLEX_HCSRP_75_1.txt")).isEqualTo("D1");
        assertThat(BestKnown.hhcrspId("InstanzVNS_HCSRP_300_1")).isEqualTo("G1");
        assertThatThrownBy(() -> BestKnown.hhcrspId("InstanzVNS_HCSRP_150_1")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
