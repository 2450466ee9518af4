package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Observation;
import org.homeward.observation.ObservationParameter;
import org.junit.jupiter.api.Test;

/**
 * What the Observation search decides before it reads: how many of the newest items a page needs, and each
 * parameter's one category (the category filter becomes a set of parameters, so it must be the category of every
 * reading of the parameter).
 */
class ObservationPagingTests {

    @Test
    void aPageNeedsThePagesBeforeItItselfAndOneMore() {
        assertThat(Pages.needed(null, null)).isEqualTo(Pages.DEFAULT_SIZE + 1);
        assertThat(Pages.needed(100, 50)).isEqualTo(151);
        assertThat(Pages.needed(-3, 10_000)).isEqualTo(Pages.MAX_SIZE + 1);
        assertThat(Pages.needed(Integer.MAX_VALUE, 50)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aPageOfTheNewestKeepsTheGivenTotalOrNone() {
        List<Observation> newest = IntStream.range(0, 31).mapToObj(i -> new Observation()).toList();
        IBundleProvider known = Pages.of(newest, 20, 10, 31);
        assertThat(known.size()).isEqualTo(31);
        assertThat(known.getResources(0, 10)).containsExactlyElementsOf(newest.subList(20, 30));
        IBundleProvider unknown = Pages.of(newest, 20, 10, null);
        assertThat(unknown.size()).isNull();
        assertThat(unknown.getCurrentPageOffset()).isEqualTo(20);
        assertThat(unknown.getResources(0, 10)).containsExactlyElementsOf(newest.subList(20, 30));
        assertThat(Pages.of(newest, 40, 10, 31).getResources(0, 10)).isEmpty();
    }

    @Test
    void everyCodeOfAParameterHasTheParametersCategory() {
        for (ObservationCode code : ObservationCode.values()) {
            assertThat(ObservationCode.category(code.parameter)).as(code.name()).isEqualTo(code.category);
        }
        assertThat(Arrays.stream(ObservationParameter.values()).filter(p -> !ObservationCode.offered(p))
                .map(ObservationCode::category)).containsOnlyNulls();
    }
}
