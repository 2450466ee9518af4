package org.homeward.boardround.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.boardround.ActionPriority;
import org.homeward.boardround.Board;
import org.homeward.boardround.BoardRound;
import org.homeward.boardround.BoardRoundService;
import org.homeward.boardround.BoardRow;
import org.homeward.boardround.DayColour;
import org.homeward.boardround.Decision;
import org.homeward.boardround.RecordReview;
import org.homeward.boardround.Review;
import org.homeward.boardround.StartBoardRound;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.WardCareOrganisation;
import org.homeward.ward.WardService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board round pages: the board with its filters and the form that starts a round; the start page, the same form
 * with every colleague who may attend to tick; a round in progress (its attendees and every patient, each with a link
 * to review them); and one patient's review form.
 */
@Controller
class BoardRoundPageController {

    private final BoardRoundService boardRounds;
    private final WardService wards;
    private final SecurityService security;

    BoardRoundPageController(BoardRoundService boardRounds, WardService wards, SecurityService security) {
        this.boardRounds = boardRounds;
        this.wards = wards;
        this.security = security;
    }

    /** Start a round: the ward (empty for the whole service), users attending, and others one a line as name then role. */
    record StartForm(WardId wardId, List<UUID> attendeeIds, String otherAttendees) {

        StartBoardRound command() {
            List<StartBoardRound.Attendee> attendees = new ArrayList<>();
            if (attendeeIds != null) {
                attendeeIds.stream().filter(Objects::nonNull)
                        .forEach(id -> attendees.add(new StartBoardRound.Attendee(id, null, null)));
            }
            if (otherAttendees != null) {
                for (String line : otherAttendees.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int comma = line.indexOf(',');
                    attendees.add(comma < 0 ? new StartBoardRound.Attendee(null, line.strip(), null)
                            : new StartBoardRound.Attendee(null, line.substring(0, comma).strip(),
                                    line.substring(comma + 1).strip()));
                }
            }
            return new StartBoardRound(wardId == null ? null : wardId.value(), null, attendees);
        }
    }

    /** One patient's review; one action on the page (the API takes several). */
    record ReviewForm(DayColour dayColour, String waitingFor, Decision decision,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate revisedEstimatedDischargeDate, String note,
            String actionText, Role actionRole, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate actionDueDate,
            ActionPriority actionPriority) {

        RecordReview command(PatientId patient) {
            boolean noAction = (actionText == null || actionText.isBlank()) && actionRole == null
                    && actionDueDate == null && actionPriority == null;
            return new RecordReview(patient.value(), dayColour, waitingFor, decision, revisedEstimatedDischargeDate,
                    note, noAction ? List.of()
                            : List.of(new RecordReview.AgreeAction(actionText, actionRole, actionDueDate, actionPriority)));
        }

        /** The service names an action's fields within the list; the form has one action's fields. */
        static String formField(String field) {
            return switch (field.replaceFirst("^actions\\[\\d+]\\.", "action.")) {
                case "action.text", "actions" -> "actionText";
                case "action.assignedRole" -> "actionRole";
                case "action.dueDate" -> "actionDueDate";
                case "action.priority" -> "actionPriority";
                default -> field;
            };
        }
    }

    /**
     * Patients on one page of the board: a ward's whole board fits (the demo's hold 18 to 48), the whole service's
     * 10,000 patients are read most acute first a page at a time.
     */
    static final int PAGE_SIZE = 50;

    @GetMapping("/board-round")
    String board(CurrentUser user, @RequestParam(required = false) WardId ward,
            @RequestParam(defaultValue = "false") boolean notReviewedToday,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Board board = boardRounds.board(user, ward, notReviewedToday, Math.max(1, page), PAGE_SIZE);
        model.addAttribute("board", board);
        model.addAttribute("wards", wards.wards());
        if (user.can(Permission.LEAD_BOARD_ROUND)) {
            // the colleagues to tick are on the start page: every member of staff who may attend, thousands in a large
            // service, made most of a ward's board page (2.8 MB for 48 patients at 10,000 patients, issue 12)
            model.addAttribute("start", new StartForm(ward, List.of(), null));
        }
        return "boardround/board";
    }

    /** The start page: the form of the board page with every colleague who may attend, to tick. */
    @GetMapping("/board-round/rounds/new")
    String startPage(CurrentUser user, @RequestParam(required = false) WardId ward, Model model) {
        user.require(Permission.LEAD_BOARD_ROUND);
        if (!model.containsAttribute("start")) {
            model.addAttribute("start", new StartForm(ward, List.of(), null));
        }
        model.addAttribute("wards", wards.wards());
        model.addAttribute("staff", staff(user, ward));
        return "boardround/start";
    }

    /**
     * Users who may attend: everyone who sees the board, of the lead's organisation first; for a ward's round only
     * those of the organisations sharing the ward's care (a large service has thousands of staff; a visitor from
     * elsewhere is named under the others attending).
     */
    private List<UserAccount> staff(CurrentUser user, WardId ward) {
        List<UserAccount> all = new ArrayList<>(security.usersWho(Permission.SEE_BOARD_ROUND));
        all.removeIf(u -> u.id().equals(user.id()));
        if (ward != null) {
            Set<OrganisationId> sharing = wards.careOrganisations(ward).stream()
                    .map(WardCareOrganisation::organisationId).collect(Collectors.toSet());
            all.removeIf(u -> !sharing.contains(u.organisationId()));
        }
        all.sort((a, b) -> {
            boolean aOwn = a.organisationId().equals(user.organisationId());
            boolean bOwn = b.organisationId().equals(user.organisationId());
            return aOwn != bOwn ? (aOwn ? -1 : 1) : a.displayName().compareToIgnoreCase(b.displayName());
        });
        return all;
    }

    @PostMapping("/board-round/rounds")
    String start(CurrentUser user, @ModelAttribute("start") StartForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                BoardRound round = boardRounds.startRound(user, form.command());
                return "redirect:/board-round/rounds/" + round.id();
            } catch (InvalidInputException e) {
                FormErrors.add(errors, new InvalidInputException(e.field().startsWith("attendees")
                        ? (e.field().endsWith("userId") ? "attendeeIds" : "otherAttendees") : e.field(), e.getMessage()));
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return startPage(user, form.wardId(), model);
    }

    /** A round's page: its board a page at a time (a whole-service round has every admitted patient). */
    @GetMapping("/board-round/rounds/{id}")
    String round(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "1") int page, Model model) {
        BoardRound round = boardRounds.round(user, id);
        model.addAttribute("round", round);
        model.addAttribute("board", boardRounds.board(user, round.wardId(), false, Math.max(1, page), PAGE_SIZE));
        model.addAttribute("reviews", boardRounds.reviewsOfRound(user, id));
        model.addAttribute("today", round.roundDate().equals(boardRounds.today()));
        return "boardround/round";
    }

    @GetMapping("/board-round/rounds/{id}/patients/{patientId}")
    String reviewForm(CurrentUser user, @PathVariable UUID id, @PathVariable PatientId patientId, Model model) {
        BoardRound round = boardRounds.round(user, id);
        BoardRow row = boardRounds.boardRow(user, round.wardId(), patientId);
        if (!model.containsAttribute("form")) {
            Review today = row.today();
            model.addAttribute("form", today == null ? new ReviewForm(null, null, null, null, null, null, null, null, null)
                    : new ReviewForm(today.dayColour(), today.waitingFor(), today.decision(), null, null, null, null,
                            null, null));
        }
        model.addAttribute("round", round);
        model.addAttribute("row", row);
        model.addAttribute("colours", DayColour.values());
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("roles", List.of(Role.SENIOR_DECISION_MAKER, Role.CLINICIAN, Role.PHARMACIST,
                Role.COORDINATOR, Role.REFERRER));
        model.addAttribute("priorities", ActionPriority.values());
        return "boardround/review";
    }

    @PostMapping("/board-round/rounds/{id}/patients/{patientId}")
    String review(CurrentUser user, @PathVariable UUID id, @PathVariable PatientId patientId,
            @ModelAttribute("form") ReviewForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Review review = boardRounds.recordReview(user, id, form.command(patientId));
                redirect.addFlashAttribute("message", "Review recorded: " + review.dayColour().label() + ", "
                        + review.decision().label());
                return "redirect:/board-round/rounds/" + id + "#patient-" + patientId;
            } catch (InvalidInputException e) {
                FormErrors.add(errors, new InvalidInputException(ReviewForm.formField(e.field()), e.getMessage()));
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return reviewForm(user, id, patientId, model);
    }
}
