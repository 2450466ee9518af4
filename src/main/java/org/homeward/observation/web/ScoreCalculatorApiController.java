package org.homeward.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.homeward.scoring.News2;
import org.homeward.scoring.News2Input;
import org.homeward.scoring.News2Result;
import org.homeward.scoring.Pews;
import org.homeward.scoring.PewsInput;
import org.homeward.scoring.PewsResult;
import org.homeward.shared.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stateless early-warning score calculators: the parameters in, the full result out (each parameter's score, total,
 * risk or escalation level, response). Nothing is stored and no patient is involved, so any signed-in user may use
 * them.
 */
@RestController
@RequestMapping("/api/v1/scores")
@Tag(name = "Score calculators", description = "NEWS2 and national PEWS, nothing stored")
class ScoreCalculatorApiController {

    private final Clock clock;

    ScoreCalculatorApiController(Clock clock) {
        this.clock = clock;
    }

    @PostMapping("/news2")
    @Operation(summary = "NEWS2 (RCP 2017) for adults 16+: per-parameter scores, total, clinical risk, monitoring and response")
    News2Result news2(@RequestBody News2Input input) {
        return News2.score(input);
    }

    @PostMapping("/pews")
    @Operation(summary = "National PEWS (NHS England 2023): age chart, per-parameter scores, total, escalation level and triggers")
    PewsResult pews(@RequestBody PewsInput input) {
        LocalDate today = LocalDate.now(clock);
        PewsInput dated = input.observedOn() != null ? input : withDate(input, today);
        if (dated.observedOn().isAfter(today)) {
            throw new InvalidInputException("observedOn", "observedOn must not be in the future");
        }
        return Pews.score(dated);
    }

    private static PewsInput withDate(PewsInput i, LocalDate on) {
        return new PewsInput(i.dateOfBirth(), on, i.respiratoryRatePerMinute(), i.respiratoryDistress(),
                i.oxygenSaturationPercent(), i.oxygenDevice(), i.oxygenPercent(), i.oxygenLitresPerMinute(),
                i.heartRatePerMinute(), i.systolicBloodPressureMmHg(), i.bloodPressureDerogation(),
                i.otherDerogationScore(), i.capillaryRefillSeconds(), i.avpu(), i.suspectedSepsis(),
                i.suspectedSepticShock(), i.abnormalPupils(), i.carerAnswer(), i.carerConcernLevel(),
                i.clinicalIntuitionLevel(), i.specificConcernLevel());
    }
}
