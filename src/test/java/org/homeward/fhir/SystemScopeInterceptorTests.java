package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Which scope each FHIR interaction needs of a system client, and that people are not held to scopes at all. */
class SystemScopeInterceptorTests {

    final SystemScopeInterceptor interceptor = new SystemScopeInterceptor();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPersonSignedInWithTheirOwnLoginIsNotHeldToScopes() {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("nurse", "x", "ROLE_CLINICIAN"));
        assertThatCode(() -> interceptor.requireScopes(request("Flag", null), RestOperationTypeEnum.SEARCH_TYPE))
                .doesNotThrowAnyException();
        assertThatCode(() -> interceptor.requireScopes(request("Patient", null), RestOperationTypeEnum.CREATE))
                .doesNotThrowAnyException();
    }

    @Test
    void readsNeedTheTypesReadScopeOrReadAllAndWritesTheTypesWriteScope() {
        signInAsClient("system/Patient.read", "system/Observation.write");
        assertThatCode(() -> interceptor.requireScopes(request("Patient", null), RestOperationTypeEnum.READ))
                .doesNotThrowAnyException();
        assertThatCode(() -> interceptor.requireScopes(request("Observation", null), RestOperationTypeEnum.CREATE))
                .doesNotThrowAnyException();
        refused(request("Observation", null), RestOperationTypeEnum.SEARCH_TYPE, "system/Observation.read");
        refused(request("Patient", null), RestOperationTypeEnum.UPDATE, "system/Patient.write");
        refused(request("Flag", null), RestOperationTypeEnum.VALIDATE, "system/Flag.read");
        assertThatCode(() -> interceptor.requireScopes(request("Patient", null), RestOperationTypeEnum.METADATA))
                .doesNotThrowAnyException();

        signInAsClient("system/*.read");
        assertThatCode(() -> interceptor.requireScopes(request("Flag", null), RestOperationTypeEnum.SEARCH_TYPE))
                .doesNotThrowAnyException();
        refused(request("Observation", null), RestOperationTypeEnum.CREATE, "system/Observation.write");
    }

    @Test
    void anIncludeNeedsReadOnTheTypeItBringsIn() {
        signInAsClient("system/Observation.read");
        SystemRequestDetails search = request("Observation", null);
        search.setParameters(Map.of("_include", new String[] {"Observation:patient"}));
        refused(search, RestOperationTypeEnum.SEARCH_TYPE, "system/Patient.read");
        signInAsClient("system/Observation.read", "system/Patient.read");
        assertThatCode(() -> interceptor.requireScopes(search, RestOperationTypeEnum.SEARCH_TYPE))
                .doesNotThrowAnyException();
    }

    @Test
    void eachIncludeServedNeedsReadOnItsOwnTypeAndAnUnknownOneReadOnEverything() {
        signInAsClient("system/Encounter.read", "system/Flag.read", "system/EpisodeOfCare.read");
        SystemRequestDetails stays = request("Encounter", null);
        stays.setParameters(Map.of("_include", new String[] {"Encounter:patient", "Encounter:episode-of-care",
                "Encounter:service-provider"}));
        refused(stays, RestOperationTypeEnum.SEARCH_TYPE, "system/Organization.read and system/Patient.read");
        SystemRequestDetails flags = request("Flag", null);
        flags.setParameters(Map.of("_include", new String[] {"Flag:patient"}));
        refused(flags, RestOperationTypeEnum.SEARCH_TYPE, "system/Patient.read");
        SystemRequestDetails episodes = request("EpisodeOfCare", null);
        episodes.setParameters(Map.of("_include", new String[] {"EpisodeOfCare:patient"}));
        refused(episodes, RestOperationTypeEnum.SEARCH_TYPE, "system/Patient.read");
        SystemRequestDetails unknown = request("Encounter", null);
        unknown.setParameters(Map.of("_include", new String[] {"Encounter:part-of"}));
        refused(unknown, RestOperationTypeEnum.SEARCH_TYPE, "system/*.read");

        signInAsClient("system/Encounter.read", "system/EpisodeOfCare.read", "system/Patient.read",
                "system/Organization.read", "system/Flag.read");
        for (SystemRequestDetails search : List.of(stays, flags, episodes)) {
            assertThatCode(() -> interceptor.requireScopes(search, RestOperationTypeEnum.SEARCH_TYPE))
                    .doesNotThrowAnyException();
        }
        SystemRequestDetails episodeOnly = request("Encounter", null);
        episodeOnly.setParameters(Map.of("_include", new String[] {"Encounter:episode-of-care"}));
        signInAsClient("system/Encounter.read");
        refused(episodeOnly, RestOperationTypeEnum.SEARCH_TYPE, "system/EpisodeOfCare.read");
    }

    @Test
    void aTransactionNeedsWriteOnEveryEntrysTypeAndReadOnAGet() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(new Observation()).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        bundle.addEntry().setResource(new Patient()).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/1");
        bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Flag?patient=1");
        signInAsClient("system/Observation.write");
        refused(request(null, bundle), RestOperationTypeEnum.TRANSACTION, "system/Flag.read and system/Patient.write");
        signInAsClient("system/Observation.write", "system/Patient.write", "system/Flag.read");
        assertThatCode(() -> interceptor.requireScopes(request(null, bundle), RestOperationTypeEnum.TRANSACTION))
                .doesNotThrowAnyException();
    }

    @Test
    void aClientWithNoScopeMayDoNothingAndNoClientMayUseOtherOperations() {
        signInAsClient();
        refused(request("Patient", null), RestOperationTypeEnum.READ, "granted: no scopes");
        signInAsClient("system/*.read");
        SystemRequestDetails everything = request("Patient", null);
        everything.setOperation("$everything");
        refused(everything, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, "may not use operation $everything");
        refused(request(null, null), RestOperationTypeEnum.HISTORY_SYSTEM, "may not use");
    }

    private void refused(SystemRequestDetails request, RestOperationTypeEnum operation, String words) {
        assertThatThrownBy(() -> interceptor.requireScopes(request, operation))
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .contains(words));
    }

    private static SystemRequestDetails request(String resourceName, Bundle resource) {
        SystemRequestDetails request = new SystemRequestDetails();
        request.setResourceName(resourceName);
        request.setResource(resource);
        return request;
    }

    private static void signInAsClient(String... scopes) {
        List<String> authorities = new ArrayList<>(List.of("SYSTEM_CLIENT"));
        for (String scope : scopes) {
            authorities.add("SCOPE_" + scope);
        }
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("nurse", "x", authorities.toArray(new String[0])));
    }
}
