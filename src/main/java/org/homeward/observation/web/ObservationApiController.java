package org.homeward.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.observation.BatchMode;
import org.homeward.observation.BatchResult;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Observations", description = "Readings from devices, nurses, patients and carers")
class ObservationApiController {

    private final ObservationService observations;

    ObservationApiController(ObservationService observations) {
        this.observations = observations;
    }

    /** A device batch: many patients, many readings, each with its own id and device time. */
    record Batch(BatchMode mode, List<IncomingReading> readings) {
    }

    @PostMapping("/api/v1/observations/batch")
    @Operation(summary = "Store a batch of device readings. 200 only once committed; a retried id is stored once. "
            + "mode STORE_VALID (default) stores the valid readings and reports each rejected one; ALL_OR_NOTHING "
            + "stores nothing (422) if any reading is invalid")
    ResponseEntity<BatchResult> batch(CurrentUser user, @RequestBody Batch batch) {
        BatchMode mode = batch.mode() == null ? BatchMode.STORE_VALID : batch.mode();
        BatchResult result = observations.ingest(user, ObservationSource.DEVICE, mode, batch.readings());
        boolean refusedWhole = mode == BatchMode.ALL_OR_NOTHING && !result.rejected().isEmpty();
        return ResponseEntity.status(refusedWhole ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(result);
    }
}
