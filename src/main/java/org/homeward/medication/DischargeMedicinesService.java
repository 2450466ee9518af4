package org.homeward.medication;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.PatientDischarged;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medicine changes of a stay in the discharge summary, for the GP and the community pharmacy (NICE NG5 1.3 on
 * transfers of care; NHS England Discharge Medicines Service, NHS Community Pharmacy Contractual Framework since 15
 * February 2021): the public API. While the patient is admitted anyone in the care team reads the draft, computed by
 * {@link DischargeMedicinesRules} from the medicines reconciliation and the prescriptions of the stay. At discharge (in
 * the discharge's own transaction, so there is no discharge without its record) the changes are fixed as the
 * discharge medicines record of that admission, addressed to the patient's GP practice and nominated community
 * pharmacy as they are then, and never changed: what the GP and the pharmacy read is what was true at discharge. The
 * GP reads it because the practice's organisation is in the care team; other organisations get 404. Every read and
 * change is audited.
 */
@Service
public class DischargeMedicinesService {

    public static final int PHARMACY_NAME_MAX = 200;
    /** A community pharmacy's ODS code: F followed by four letters or digits (NHS ODS dispensing contractor codes). */
    static final Pattern PHARMACY_ODS_CODE = Pattern.compile("F[A-Z0-9]{4}");

    private static final RecordAccessed.Actor DISCHARGE = new RecordAccessed.Actor("discharge", null,
            "Homeward (discharge)", "SYSTEM");

    private final DischargeMedicinesRepository records;
    private final PrescriptionRepository prescriptions;
    private final ReconciliationService reconciliations;
    private final PatientService patients;
    private final ReferralService referrals;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DischargeMedicinesService(DischargeMedicinesRepository records, PrescriptionRepository prescriptions,
            ReconciliationService reconciliations, PatientService patients, ReferralService referrals,
            SecurityService security, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.prescriptions = prescriptions;
        this.reconciliations = reconciliations;
        this.patients = patients;
        this.referrals = referrals;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The draft medicine changes of the admission open now, as they would be fixed if the patient were discharged now.
     * Refused (409) when the patient is not admitted: read the discharge medicines records instead.
     */
    @Transactional
    public DischargeMedicines draft(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        AdmissionView admission = referrals.openAdmission(patient).orElseThrow(() -> new RefusedException(
                "This patient is not admitted now: read the discharge medicines record of their last stay"));
        Instant now = now();
        DischargeMedicines draft = compose(null, admission, now, null, now);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.DISCHARGE_MEDICINES, null, patient,
                "viewed the draft medicine changes of the stay: " + summary(draft)));
        return draft;
    }

    /** The draft if the patient is admitted now, else empty; audited as {@link #draft} when there is one. */
    @Transactional
    public Optional<DischargeMedicines> draftIfAdmitted(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        return referrals.openAdmission(patient).isPresent() ? Optional.of(draft(user, patient)) : Optional.empty();
    }

    /** The patient's discharge medicines records, newest discharge first. */
    @Transactional
    public List<DischargeMedicines> records(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<DischargeMedicines> all = records.ofPatient(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.DISCHARGE_MEDICINES,
                all.isEmpty() ? null : all.get(0).id(), patient, "viewed the discharge medicines records ("
                        + all.size() + ")"));
        return all;
    }

    /**
     * The discharge medicines record of one admission of the patient; 404 when the admission is not the patient's or
     * has none (discharged before records were kept, or not discharged yet).
     */
    @Transactional
    public DischargeMedicines record(CurrentUser user, PatientId patient, AdmissionId admission) {
        patients.requireVisible(user, patient);
        DischargeMedicines r = records.ofAdmission(admission).filter(found -> found.patientId().equals(patient))
                .orElseThrow(() -> new NotFoundException("No discharge medicines record for admission "
                        + admission.value() + " of this patient"));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.DISCHARGE_MEDICINES, r.id(), patient,
                "viewed the discharge medicines record: " + summary(r)));
        return r;
    }

    /** The patient's nominated community pharmacy, if any (read with the medicines page, which audits the read). */
    @Transactional(readOnly = true)
    public Optional<CommunityPharmacy> pharmacy(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        return records.pharmacy(patient);
    }

    /**
     * Records the patient's nominated community pharmacy (name required, ODS code optional and checked), or removes
     * the nomination when the name is empty. Each nomination is kept; the newest stands.
     */
    @Transactional
    public Optional<CommunityPharmacy> nominatePharmacy(CurrentUser user, PatientId patient,
            NominatePharmacy command) {
        user.require(Permission.RECORD_COMMUNITY_PHARMACY);
        patients.requireVisible(user, patient);
        String name = command == null || command.name() == null || command.name().isBlank() ? null
                : command.name().strip();
        String code = command == null || command.odsCode() == null || command.odsCode().isBlank() ? null
                : command.odsCode().strip().toUpperCase(Locale.UK);
        if (name != null && name.length() > PHARMACY_NAME_MAX) {
            throw new InvalidInputException("name", "must be at most " + PHARMACY_NAME_MAX + " characters");
        }
        if (code != null && name == null) {
            throw new InvalidInputException("name", "Give the pharmacy's name with its ODS code");
        }
        if (code != null && !PHARMACY_ODS_CODE.matcher(code).matches()) {
            throw new InvalidInputException("odsCode", "A community pharmacy's ODS code is F and four letters or "
                    + "digits, such as FA123");
        }
        if (name == null && records.pharmacy(patient).isEmpty()) {
            throw new InvalidInputException("name", "Give the name of the community pharmacy the patient uses");
        }
        Instant now = now();
        records.nominate(UUID.randomUUID(), patient, name, code, user.signature(), user.username(), now);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.COMMUNITY_PHARMACY, null, patient,
                name == null ? "removed the nominated community pharmacy"
                        : "recorded the nominated community pharmacy: " + name + (code == null ? "" : " (" + code + ")")));
        return records.pharmacy(patient);
    }

    /**
     * Fixes the medicine changes of the discharged admission as its discharge medicines record; once per admission.
     * Called in the discharge's transaction: a failure here rolls the discharge back, so none is ever without it.
     */
    void fixAtDischarge(PatientDischarged discharged) {
        AdmissionView admission = referrals.admissionOf(discharged.patientId(), discharged.admissionId()).orElseThrow();
        Instant now = now();
        DischargeMedicines fixed = compose(UUID.randomUUID(), admission, discharged.dischargedAt(),
                discharged.dischargedBy(), now);
        if (records.insert(fixed)) {
            RecordAccessed.By by = security.findActiveUser(discharged.dischargedBy()).map(CurrentUser::of)
                    .<RecordAccessed.By>map(u -> u).orElse(DISCHARGE);
            events.publishEvent(RecordAccessed.created(by, AuditedRecord.DISCHARGE_MEDICINES, fixed.id(),
                    discharged.patientId(), "fixed the discharge medicines record at discharge: " + summary(fixed)));
        }
    }

    private DischargeMedicines compose(UUID id, AdmissionView admission, Instant at, String dischargedBy,
            Instant now) {
        PatientId patient = admission.patientId();
        ReconciliationService.DischargeReconciliation reconciliation = reconciliations.forDischarge(patient,
                admission.id());
        List<Prescription> ofStay = prescriptions.ofPatient(patient).stream()
                .filter(p -> !p.prescribedAt().isBefore(admission.admittedAt().truncatedTo(ChronoUnit.MICROS)))
                .toList();
        List<MedicineChange> changes = DischargeMedicinesRules.changes(reconciliation.medicines(), ofStay, at,
                clock.getZone());
        PatientService.GpPractice practice = patients.gpPractice(patient);
        return new DischargeMedicines(id, patient, admission.id(), admission.admittedAt(),
                id == null ? null : at.truncatedTo(ChronoUnit.MICROS), dischargedBy, now, practice.code(),
                practice.name(), records.pharmacy(patient).orElse(null), reconciliation.words(), changes);
    }

    private static String summary(DischargeMedicines r) {
        return r.beforeAdmission().size() + " medicine(s) before admission, " + r.duringStay().size()
                + " prescribed during the stay, " + r.toCheck().size() + " to check";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
