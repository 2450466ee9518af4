package org.homeward.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.AdmitPatient;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.EddRevision;
import org.homeward.referral.ReviseEstimatedDischarge;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.InpatientStay;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralView;
import org.homeward.referral.ServiceCensus;
import org.homeward.referral.TriageDecision;
import org.homeward.referral.WardCensus;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.WardId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Journey", description = "Referral, triage, admission, census and discharge")
class ReferralApiController {

    private final ReferralService referrals;

    ReferralApiController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @PostMapping("/referrals")
    @Operation(summary = "Refer a patient to a virtual ward (step-up or step-down)")
    ResponseEntity<ReferralView> refer(CurrentUser user, @Valid @RequestBody CreateReferral body) {
        ReferralView referral = referrals.refer(user, body);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id())).body(referral);
    }

    @GetMapping("/referrals")
    @Operation(summary = "Open referrals you may see (awaiting triage or admission), or those of one patient")
    List<ReferralView> referrals(CurrentUser user, @RequestParam(required = false) PatientId patientId) {
        return patientId == null ? referrals.openReferrals(user) : referrals.referralsOf(user, patientId);
    }

    @GetMapping("/referrals/overdue")
    @Operation(summary = "Referrals you may see still awaiting triage after their target (urgent 2 hours, same day by "
            + "the end of the day, next day by the end of the next day), longest overdue first")
    List<ReferralView> overdue(CurrentUser user) {
        return referrals.overdueForTriage(user);
    }

    @GetMapping("/referrals/mine")
    @Operation(summary = "Referrals made from your organisation, with their decisions")
    List<ReferralView> mine(CurrentUser user) {
        return referrals.referralsFromMyOrganisation(user);
    }

    @GetMapping("/referrals/{id}")
    @Operation(summary = "One referral with its triage decision")
    ReferralView referral(CurrentUser user, @PathVariable ReferralId id) {
        return referrals.referral(user, id);
    }

    @GetMapping("/referrals/{id}/inpatient-stay")
    @Operation(summary = "A step-down referral's acute inpatient stay as the hospital's system reported it (admitted,"
            + " moved ward, left the acute ward, cancellations) and when the patient left the acute ward")
    InpatientStay inpatientStay(CurrentUser user, @PathVariable ReferralId id) {
        return referrals.inpatientStay(user, id);
    }

    @PostMapping("/referrals/{id}/triage")
    @Operation(summary = "Accept or decline a referral, with a reason (senior decision-makers)")
    ReferralView triage(CurrentUser user, @PathVariable ReferralId id, @Valid @RequestBody TriageDecision body) {
        return referrals.triage(user, id, body);
    }

    record ReReferral(String reason) {
    }

    @PostMapping("/referrals/{id}/re-referral")
    @Operation(summary = "Re-refer the patient of a declined referral; the declined referral keeps its reason")
    ResponseEntity<ReferralView> reRefer(CurrentUser user, @PathVariable ReferralId id,
            @RequestBody(required = false) ReReferral body) {
        ReferralView referral = referrals.reRefer(user, id, body == null ? null : body.reason());
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id())).body(referral);
    }

    @PostMapping("/referrals/{id}/admission")
    @Operation(summary = "Admit the patient of an accepted referral (senior decision-makers)")
    ResponseEntity<AdmissionView> admit(CurrentUser user, @PathVariable ReferralId id,
            @Valid @RequestBody AdmitPatient body) {
        AdmissionView admission = referrals.admit(user, id, body);
        return ResponseEntity.created(URI.create("/api/v1/admissions/" + admission.id())).body(admission);
    }

    @GetMapping("/admissions/{id}")
    @Operation(summary = "An admission; once discharged, with the discharge summary")
    AdmissionView admission(CurrentUser user, @PathVariable AdmissionId id) {
        return referrals.admission(user, id);
    }

    @PostMapping("/admissions/{id}/edd")
    @Operation(summary = "Revise the estimated discharge date with a reason; the history is kept and 'past EDD' "
            + "counts from the current date")
    AdmissionView reviseEstimatedDischarge(CurrentUser user, @PathVariable AdmissionId id,
            @Valid @RequestBody ReviseEstimatedDischarge body) {
        return referrals.reviseEstimatedDischarge(user, id, body);
    }

    @GetMapping("/admissions/{id}/edd")
    @Operation(summary = "The revisions of an admission's estimated discharge date, oldest first")
    List<EddRevision> estimatedDischargeRevisions(CurrentUser user, @PathVariable AdmissionId id) {
        return referrals.estimatedDischargeRevisions(user, id);
    }

    @GetMapping(value = "/admissions", params = "patientId")
    @Operation(summary = "A patient's admissions, newest first")
    List<AdmissionView> admissions(CurrentUser user, @RequestParam PatientId patientId) {
        return referrals.admissionsOf(user, patientId);
    }

    @PostMapping("/admissions/{id}/discharge")
    @Operation(summary = "Discharge a patient (senior decision-makers); frees the bed and records length of stay")
    AdmissionView discharge(CurrentUser user, @PathVariable AdmissionId id, @Valid @RequestBody DischargePatient body) {
        return referrals.discharge(user, id, body);
    }

    @GetMapping("/wards/{id}/census")
    @Operation(summary = "A ward's census today: patients you may see, day of stay, EDD, the 14-day flag, occupancy")
    WardCensus census(CurrentUser user, @PathVariable WardId id) {
        return referrals.census(user, id);
    }

    @GetMapping("/census")
    @Operation(summary = "Service-wide capacity and occupancy across wards (numbers only)")
    ServiceCensus serviceCensus(CurrentUser user) {
        return referrals.serviceCensus(user);
    }
}
