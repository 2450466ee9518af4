package org.homeward.boardround.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.boardround.Board;
import org.homeward.boardround.BoardRound;
import org.homeward.boardround.BoardRoundService;
import org.homeward.boardround.RecordReview;
import org.homeward.boardround.Review;
import org.homeward.boardround.StartBoardRound;
import org.homeward.security.CurrentUser;
import org.homeward.shared.WardId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The board round: the board, rounds and their reviews. */
@RestController
@Tag(name = "Board round", description = "The consultant-led daily board round (SAFER, Red2Green): the board of "
        + "every admitted patient, rounds with their attendees, and each patient's review and decision")
class BoardRoundApiController {

    private final BoardRoundService boardRounds;

    BoardRoundApiController(BoardRoundService boardRounds) {
        this.boardRounds = boardRounds;
    }

    /** A round with the reviews made at it. */
    record RoundWithReviews(BoardRound round, List<Review> reviews) {
    }

    @GetMapping("/api/v1/board-round")
    @Operation(summary = "The board of a ward (or of the whole service without ward): one row per admitted patient you "
            + "may see, most acute first, with day of stay against the EDD, today's red or green day, latest NEWS2 or "
            + "PEWS and trend, open alert, last and next visit, and the acuity, criteria to reside, ReSPECT / DNACPR, "
            + "tasks and results columns (results: orders awaited and results to acknowledge, in words). Every row without page; with page "
            + "(the first is 1) and pageSize (default 50), that page of the board in the same order, with patients "
            + "(how many in all), firstRow and pages; a page past the last gives the last")
    Board board(CurrentUser user, @RequestParam(required = false) WardId ward,
            @RequestParam(defaultValue = "false") boolean notReviewedToday, @RequestParam(required = false) Integer page,
            @RequestParam(defaultValue = "50") int pageSize) {
        return page == null ? boardRounds.board(user, ward, notReviewedToday)
                : boardRounds.board(user, ward, notReviewedToday, page, pageSize);
    }

    @PostMapping("/api/v1/board-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start today's round of a ward (or the whole service without wardId), led by a senior "
            + "decision-maker (leadUserId, default you), with MDT attendees by userId or by name and role. heldOn "
            + "(a date up to 7 days before today) writes up a round held on paper that day: it is marked "
            + "writtenUpLater, its reviews are dated that day and never count as today's; a future date or one more "
            + "than 7 days ago is a 400 naming heldOn")
    BoardRound start(CurrentUser user, @RequestBody StartBoardRound command) {
        return boardRounds.startRound(user, command);
    }

    @GetMapping("/api/v1/board-rounds/{id}")
    @Operation(summary = "A round: who led and attended, and the reviews made at it (every version)")
    RoundWithReviews round(CurrentUser user, @PathVariable UUID id) {
        return new RoundWithReviews(boardRounds.round(user, id), boardRounds.reviewsOfRound(user, id));
    }

    @PostMapping("/api/v1/board-rounds/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review a patient at today's round: red or green day (a red day names what is awaited and "
            + "has an action), a decision (REVISE_EDD with revisedEstimatedDischargeDate revises the admission's EDD; "
            + "DISCHARGE_TODAY / DISCHARGE_TOMORROW flag the board, the discharge itself is done on the admission), "
            + "actions with role, due date and priority. A second review today is a new version. A round written up "
            + "afterwards takes reviews for 7 days after its day: each is dated the round's day, of the admission open "
            + "that day (a patient since discharged included), with actions due from that day; their tasks keep the "
            + "due date, so one already past is overdue")
    Review review(CurrentUser user, @PathVariable UUID id, @RequestBody RecordReview command) {
        return boardRounds.recordReview(user, id, command);
    }
}
