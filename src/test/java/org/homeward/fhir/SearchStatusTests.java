package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class SearchStatusTests {

    private final SearchStatus status = new SearchStatus("status", "a task Homeward holds", "requested", "completed",
            "cancelled");

    @Test
    void anAbsentParameterWantsEveryStatusAndAServedCodeIsTakenAsSent() {
        assertThat(status.wanted(null)).isNull();
        assertThat(status.wanted(new TokenParam("completed"))).isEqualTo("completed");
        assertThat(status.wanted(new TokenParam("http://hl7.org/fhir/task-status", "cancelled")))
                .isEqualTo("cancelled");
        assertThat(SearchStatus.matches(null, "requested")).isTrue();
        assertThat(SearchStatus.matches("completed", "completed")).isTrue();
        assertThat(SearchStatus.matches("completed", "requested")).isFalse();
    }

    @Test
    void anyOtherCodeIsRefusedNamingTheParameterAndTheCodesServed() {
        assertThatThrownBy(() -> status.wanted(new TokenParam("on-hold")))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("status");
                    assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo(
                            "a task Homeward holds is requested, completed or cancelled, not on-hold");
                });
        SearchStatus two = new SearchStatus("clinical-status", "an allergy Homeward holds", "active", "inactive");
        assertThatThrownBy(() -> two.wanted(new TokenParam("resolved")))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .isEqualTo("an allergy Homeward holds is active or inactive, not resolved"));
    }
}
