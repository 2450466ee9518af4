package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.homeward.observation.BatchMode;
import org.homeward.observation.BatchResult;
import org.homeward.observation.IdentifiedBatch;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.springframework.stereotype.Component;

/**
 * Bundles of Observations from device platforms, posted to the base ({@code POST /fhir}), into the same durable
 * ingest path as the JSON batch, in one database transaction with the alerts they raise.
 * <ul>
 * <li>{@code transaction}: all or nothing, as FHIR defines it. If any entry cannot be recorded, nothing is stored
 * and the answer is 422 with an OperationOutcome naming each failing entry's element
 * ({@code Bundle.entry[3].resource.valueQuantity.code}).</li>
 * <li>{@code batch}: each entry on its own; the batch-response says for each entry 201 (stored), 200 (a retry of
 * an identifier already stored) or 422 with its OperationOutcome.</li>
 * </ul>
 * Only {@code POST Observation} entries are taken; anything else in the bundle is refused by entry.
 */
@Component
class BundleProvider implements FhirSystemProvider {

    private final ObservationService observations;
    private final FhirUsers users;

    BundleProvider(ObservationService observations, FhirUsers users) {
        this.observations = observations;
        this.users = users;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        boolean atomic = bundle.getType() == Bundle.BundleType.TRANSACTION;
        if (!atomic && bundle.getType() != Bundle.BundleType.BATCH) {
            throw Outcomes.invalid("Bundle.type", "a bundle posted to the base must be a transaction or a batch, not "
                    + (bundle.hasType() ? bundle.getType().toCode() : "untyped"));
        }
        int entries = bundle.getEntry().size();
        if (entries == 0) {
            throw Outcomes.invalid("Bundle.entry", "the bundle has no entries");
        }
        if (entries > ObservationService.MAX_BATCH) {
            throw Outcomes.invalid("Bundle.entry", "a bundle holds at most " + ObservationService.MAX_BATCH
                    + " entries, got " + entries + "; split it");
        }
        // translate every entry; remember which readings came from which entry
        OperationOutcome[] problems = new OperationOutcome[entries];
        List<IncomingReading> readings = new ArrayList<>();
        List<Integer> entryOfReading = new ArrayList<>();
        Map<Integer, String> mainClientId = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String prefix = "Bundle.entry[" + i + "]";
            try {
                if (!entry.hasRequest() || entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                    throw Outcomes.invalid(prefix + ".request.method", "only POST (create) entries are taken");
                }
                if (!(entry.getResource() instanceof Observation observation)) {
                    throw Outcomes.invalid(prefix + ".resource", "only Observation resources are taken, not "
                            + (entry.hasResource() ? entry.getResource().fhirType() : "nothing"));
                }
                List<IncomingReading> fromEntry = ObservationTranslator.toReadings(observation, prefix + ".resource");
                for (IncomingReading reading : fromEntry) {
                    readings.add(reading);
                    entryOfReading.add(i);
                }
                mainClientId.put(i, fromEntry.get(fromEntry.size() - 1).id());
            } catch (UnprocessableEntityException refused) {
                problems[i] = (OperationOutcome) refused.getOperationOutcome();
            }
        }
        boolean anyProblem = java.util.Arrays.stream(problems).anyMatch(java.util.Objects::nonNull);
        if (atomic && anyProblem) {
            throw refusal(problems);
        }
        IdentifiedBatch batch = readings.isEmpty() ? new IdentifiedBatch(new BatchResult(0, 0, List.of()), Map.of(), java.util.Set.of())
                : observations.ingestIdentified(users.current(), ObservationSource.DEVICE,
                        atomic ? BatchMode.ALL_OR_NOTHING : BatchMode.STORE_VALID, readings);
        for (BatchResult.Rejection rejection : batch.result().rejected()) {
            int entry = entryOfReading.get(rejection.index());
            String path = ObservationPaths.of(rejection.field(), "Bundle.entry[" + entry + "].resource");
            problems[entry] = Outcomes.error(OperationOutcome.IssueType.INVALID, path, rejection.reason());
        }
        if (atomic && !batch.result().rejected().isEmpty()) {
            throw refusal(problems);
        }
        Bundle response = new Bundle().setType(atomic ? Bundle.BundleType.TRANSACTIONRESPONSE
                : Bundle.BundleType.BATCHRESPONSE);
        java.util.Set<String> newlyStoredClientIds = batch.newlyStored();
        for (int i = 0; i < entries; i++) {
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
            if (problems[i] != null) {
                answer.setStatus("422 Unprocessable Entity").setOutcome(problems[i]);
                continue;
            }
            String clientId = mainClientId.get(i);
            UUID id = batch.idsByClientId().get(clientId);
            answer.setStatus(newlyStoredClientIds.contains(clientId) ? "201 Created" : "200 OK")
                    .setLocation("Observation/" + id);
        }
        return response;
    }

    private static UnprocessableEntityException refusal(OperationOutcome[] problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (OperationOutcome problem : problems) {
            if (problem != null) {
                outcome.getIssue().addAll(problem.getIssue());
            }
        }
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics("Nothing in this transaction was stored. Correct the entries named and send it again, "
                        + "or send a batch to store the valid entries.");
        return new UnprocessableEntityException("The transaction was refused: " + outcome.getIssue().get(0)
                .getDiagnostics(), outcome);
    }
}
