package org.homeward.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReferralRepository {

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // referrals ------------------------------------------------------------------------------------------------

    void insert(Referral r) {
        jdbc.sql("""
                insert into referral (id, patient_id, ward_id, direction, source, reason, presenting_condition,
                    interventions, urgency, referrer_user_id, referrer_name, referrer_organisation_id, inpatient_ward,
                    inpatient_consultant, re_referral_of, status, referred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id().value(), r.patientId().value(), r.wardId().value(), r.direction().name(),
                        r.source().name(), r.reason(), r.presentingCondition(), joined(r.interventions()),
                        r.urgency().name(), r.referrerId().value(), r.referrerName(), r.referrerOrganisationId().value(),
                        r.inpatientWard(), r.inpatientConsultant(),
                        r.reReferralOf() == null ? null : r.reReferralOf().value(), r.status().name(),
                        Timestamp.from(r.referredAt()))
                .update();
    }

    void update(Referral r) {
        int updated = jdbc.sql("""
                update referral set status = ?, triaged_by_user_id = ?, triaged_by_name = ?, triaged_at = ?,
                    triage_reason = ?, version = version + 1
                where id = ? and version = ?""")
                .params(r.status().name(), r.triagedBy() == null ? null : r.triagedBy().value(), r.triagedByName(),
                        r.triagedAt() == null ? null : Timestamp.from(r.triagedAt()), r.triageReason(),
                        r.id().value(), r.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("referral " + r.id() + " changed concurrently");
        }
    }

    Optional<Referral> find(ReferralId id) {
        return jdbc.sql("select * from referral where id = ?").param(id.value())
                .query(ReferralRepository::referral).optional();
    }

    /**
     * The patient's pending referral with its row locked until the transaction ends: what the hospital reports of the
     * stay and a triage decision are then applied one after the other, each seeing the other's outcome.
     */
    Optional<Referral> lockPendingForPatient(PatientId patient) {
        return jdbc.sql("""
                select * from referral where patient_id = ? and status in ('AWAITING_TRIAGE', 'ACCEPTED')
                for update""")
                .param(patient.value()).query(ReferralRepository::referral).optional();
    }

    Optional<Referral> findPendingForPatient(PatientId patient) {
        return jdbc.sql("select * from referral where patient_id = ? and status in ('AWAITING_TRIAGE', 'ACCEPTED')")
                .param(patient.value()).query(ReferralRepository::referral).optional();
    }

    List<Referral> forPatient(PatientId patient) {
        return jdbc.sql("select * from referral where patient_id = ? order by referred_at desc").param(patient.value())
                .query(ReferralRepository::referral).list();
    }

    List<Referral> withStatus(Set<ReferralStatus> statuses, int limit) {
        String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                select * from referral where status = any(?)
                order by case urgency when 'URGENT' then 0 when 'SAME_DAY' then 1 else 2 end, referred_at
                limit ?""")
                .params(names, limit).query(ReferralRepository::referral).list();
    }

    List<Referral> referredBy(OrganisationId organisation, int limit) {
        return jdbc.sql("select * from referral where referrer_organisation_id = ? order by referred_at desc limit ?")
                .params(organisation.value(), limit).query(ReferralRepository::referral).list();
    }

    // admissions -----------------------------------------------------------------------------------------------

    void insert(Admission admission, UserId admittedBy) {
        AdmissionView a = admission.view();
        jdbc.sql("""
                insert into admission (id, referral_id, patient_id, ward_id, accountable_clinician_id,
                    accountable_clinician_name, admitted_at, admission_date, estimated_discharge_date,
                    consent_given_by, patient_has_capacity, consenting_person_name, consenting_person_role,
                    shared_decision_record, accountability_transferred_at, admitted_by_user_id, clinical_frailty_scale,
                    clinical_frailty_scale_version, four_at_total, four_at_interpretation, estimated_discharge_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id().value(), a.referralId().value(), a.patientId().value(), a.wardId().value(),
                        a.accountableClinicianId().value(), a.accountableClinicianName(), Timestamp.from(a.admittedAt()),
                        a.admissionDate(), a.estimatedDischargeDate(), a.consentGivenBy().name(),
                        a.patientHasCapacity(), a.consentingPersonName(), a.consentingPersonRole(),
                        a.sharedDecisionRecord(),
                        a.accountabilityTransferredAt() == null ? null : Timestamp.from(a.accountabilityTransferredAt()),
                        admittedBy.value(), a.assessment().clinicalFrailtyScale(),
                        a.assessment().clinicalFrailtyScaleVersion(), a.assessment().fourAtTotal(),
                        a.assessment().fourAtInterpretation(), a.estimatedDischargeReason())
                .update();
    }

    /** Writes the admission's current EDD and the revision that made it, or fails if the admission changed meanwhile. */
    void insertRevision(Admission admission, EddRevision r) {
        AdmissionView a = admission.view();
        int updated = jdbc.sql("""
                update admission set estimated_discharge_date = ?, estimated_discharge_reason = ?, version = version + 1
                where id = ? and version = ? and discharged_at is null""")
                .params(a.estimatedDischargeDate(), a.estimatedDischargeReason(), a.id().value(), admission.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("admission " + a.id() + " changed concurrently");
        }
        jdbc.sql("""
                insert into admission_edd_revision (id, admission_id, previous_date, revised_date, reason,
                    revised_by_user_id, revised_by_name, revised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.admissionId().value(), r.previousDate(), r.revisedDate(), r.reason(),
                        r.revisedBy().value(), r.revisedByName(), Timestamp.from(r.revisedAt()))
                .update();
    }

    List<EddRevision> eddRevisions(AdmissionId admission) {
        return jdbc.sql("select * from admission_edd_revision where admission_id = ? order by revised_at, entered")
                .param(admission.value())
                .query((rs, row) -> new EddRevision(rs.getObject("id", UUID.class),
                        new AdmissionId(rs.getObject("admission_id", UUID.class)),
                        rs.getObject("previous_date", LocalDate.class), rs.getObject("revised_date", LocalDate.class),
                        rs.getString("reason"), new UserId(rs.getObject("revised_by_user_id", UUID.class)),
                        rs.getString("revised_by_name"), instant(rs, "revised_at")))
                .list();
    }

    void updateDischarge(Admission admission) {
        AdmissionView a = admission.view();
        int updated = jdbc.sql("""
                update admission set discharged_at = ?, discharge_date = ?, discharge_destination = ?,
                    discharge_destination_detail = ?, onward_referrals = ?, discharge_summary = ?,
                    length_of_stay_days = ?, discharged_by_user_id = ?, version = version + 1
                where id = ? and version = ?""")
                .params(Timestamp.from(a.dischargedAt()), a.dischargeDate(), a.dischargeDestination().name(),
                        a.dischargeDestinationDetail(), a.onwardReferrals(), a.dischargeSummary(),
                        a.lengthOfStayDays(), admission.dischargedBy().value(), a.id().value(), admission.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("admission " + a.id() + " changed concurrently");
        }
    }

    Optional<Admission> findAdmission(AdmissionId id) {
        return jdbc.sql("select * from admission where id = ?").param(id.value())
                .query((rs, row) -> new Admission(admission(rs, row), rs.getInt("version"))).optional();
    }

    Optional<AdmissionView> findOpenAdmission(PatientId patient) {
        return jdbc.sql("select * from admission where patient_id = ? and discharged_at is null")
                .param(patient.value()).query(ReferralRepository::admission).optional();
    }

    java.util.Map<PatientId, WardId> currentWards(java.util.Collection<PatientId> patients) {
        java.util.Map<PatientId, WardId> wards = new java.util.HashMap<>();
        jdbc.sql("select patient_id, ward_id from admission where patient_id = any(?) and discharged_at is null")
                .param(patients.stream().map(PatientId::value).toArray(java.util.UUID[]::new))
                .query(rs -> {
                    wards.put(new PatientId(rs.getObject("patient_id", java.util.UUID.class)),
                            new WardId(rs.getObject("ward_id", java.util.UUID.class)));
                });
        return wards;
    }

    java.util.Set<PatientId> dischargedNotReadmitted(java.util.Collection<PatientId> patients) {
        return new java.util.HashSet<>(jdbc.sql("""
                select distinct a.patient_id from admission a where a.patient_id = any(?) and a.discharged_at is not null
                and not exists (select 1 from admission o where o.patient_id = a.patient_id and o.discharged_at is null)""")
                .param(patients.stream().map(PatientId::value).toArray(java.util.UUID[]::new))
                .query((rs, row) -> new PatientId(rs.getObject(1, java.util.UUID.class))).list());
    }

    java.util.Map<PatientId, java.time.Instant> admissionTimes(java.util.Collection<PatientId> patients) {
        java.util.Map<PatientId, java.time.Instant> times = new java.util.HashMap<>();
        jdbc.sql("select patient_id, admitted_at from admission where patient_id = any(?) and discharged_at is null")
                .param(patients.stream().map(PatientId::value).toArray(java.util.UUID[]::new))
                .query(rs -> {
                    times.put(new PatientId(rs.getObject("patient_id", java.util.UUID.class)),
                            rs.getTimestamp("admitted_at").toInstant());
                });
        return times;
    }

    List<AdmissionView> admissionsOf(PatientId patient) {
        return jdbc.sql("select * from admission where patient_id = ? order by admitted_at desc")
                .param(patient.value()).query(ReferralRepository::admission).list();
    }

    List<AdmissionView> openAdmissions(WardId ward) {
        return jdbc.sql("select * from admission where ward_id = ? and discharged_at is null order by admitted_at")
                .param(ward.value()).query(ReferralRepository::admission).list();
    }

    int countOpenAdmissions(WardId ward) {
        return jdbc.sql("select count(*) from admission where ward_id = ? and discharged_at is null")
                .param(ward.value()).query(Integer.class).single();
    }

    /** The open admissions' ids and wards, on one ward or (null) every ward, oldest first. */
    List<OpenStay> openStays(WardId ward) {
        String where = ward == null ? "" : " and ward_id = ?";
        var spec = jdbc.sql("select id, patient_id, ward_id from admission where discharged_at is null" + where
                + " order by admitted_at, id");
        if (ward != null) {
            spec = spec.param(ward.value());
        }
        return spec.query((rs, row) -> new OpenStay(new AdmissionId(rs.getObject("id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)), new WardId(rs.getObject("ward_id", UUID.class))))
                .list();
    }

    /** These patients' open admissions in full. */
    List<AdmissionView> openAdmissionsOf(java.util.Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from admission where patient_id = any(?) and discharged_at is null")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(ReferralRepository::admission).list();
    }

    List<AdmissionView> allOpenAdmissions() {
        return jdbc.sql("select * from admission where discharged_at is null order by admitted_at")
                .query(ReferralRepository::admission).list();
    }

    /** Referrals accepted into the ward whose patient is not admitted yet: each holds a bed. */
    int countAcceptedAwaitingAdmission(WardId ward) {
        return jdbc.sql("select count(*) from referral where ward_id = ? and status = 'ACCEPTED'")
                .param(ward.value()).query(Integer.class).single();
    }

    java.util.Map<WardId, Integer> acceptedAwaitingAdmissionByWard() {
        java.util.Map<WardId, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select ward_id, count(*) as n from referral where status = 'ACCEPTED' group by ward_id")
                .query(rs -> {
                    counts.put(new WardId(rs.getObject("ward_id", UUID.class)), rs.getInt("n"));
                });
        return counts;
    }

    /** Referrals still awaiting triage whose triage target has passed and that nobody has been told about yet. */
    List<Referral> awaitingTriageNotNoticed() {
        return jdbc.sql("""
                select * from referral where status = 'AWAITING_TRIAGE' and triage_overdue_noticed_at is null
                order by referred_at""").query(ReferralRepository::referral).list();
    }

    /** Marks the referral's overdue triage as noticed; false if someone else already did (or it was triaged). */
    boolean markTriageOverdueNoticed(ReferralId id, Instant at) {
        return jdbc.sql("""
                update referral set triage_overdue_noticed_at = ?
                where id = ? and status = 'AWAITING_TRIAGE' and triage_overdue_noticed_at is null""")
                .params(Timestamp.from(at), id.value()).update() == 1;
    }

    int countAwaitingTriage(WardId ward) {
        return jdbc.sql("select count(*) from referral where ward_id = ? and status = 'AWAITING_TRIAGE'")
                .param(ward.value()).query(Integer.class).single();
    }

    // mapping --------------------------------------------------------------------------------------------------

    private static Referral referral(ResultSet rs, int row) throws SQLException {
        UUID reReferralOf = rs.getObject("re_referral_of", UUID.class);
        UUID triagedBy = rs.getObject("triaged_by_user_id", UUID.class);
        return new Referral(new ReferralId(rs.getObject("id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)), new WardId(rs.getObject("ward_id", UUID.class)),
                ReferralDirection.valueOf(rs.getString("direction")), ReferralSource.valueOf(rs.getString("source")),
                rs.getString("presenting_condition"), rs.getString("reason"), interventions(rs.getString("interventions")),
                Urgency.valueOf(rs.getString("urgency")), new UserId(rs.getObject("referrer_user_id", UUID.class)),
                rs.getString("referrer_name"), new OrganisationId(rs.getObject("referrer_organisation_id", UUID.class)),
                rs.getString("inpatient_ward"), rs.getString("inpatient_consultant"),
                reReferralOf == null ? null : new ReferralId(reReferralOf), instant(rs, "referred_at"),
                ReferralStatus.valueOf(rs.getString("status")), triagedBy == null ? null : new UserId(triagedBy),
                rs.getString("triaged_by_name"), instant(rs, "triaged_at"), rs.getString("triage_reason"),
                instant(rs, "left_acute_ward_at"), rs.getInt("version"));
    }

    private static AdmissionView admission(ResultSet rs, int row) throws SQLException {
        String destination = rs.getString("discharge_destination");
        return new AdmissionView(new AdmissionId(rs.getObject("id", UUID.class)),
                new ReferralId(rs.getObject("referral_id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)), new WardId(rs.getObject("ward_id", UUID.class)),
                new UserId(rs.getObject("accountable_clinician_id", UUID.class)),
                rs.getString("accountable_clinician_name"), instant(rs, "admitted_at"),
                rs.getObject("admission_date", LocalDate.class), rs.getObject("estimated_discharge_date", LocalDate.class),
                ConsentGivenBy.valueOf(rs.getString("consent_given_by")), rs.getBoolean("patient_has_capacity"),
                rs.getString("consenting_person_name"), rs.getString("consenting_person_role"),
                rs.getString("shared_decision_record"), instant(rs, "accountability_transferred_at"),
                instant(rs, "discharged_at"), rs.getObject("discharge_date", LocalDate.class),
                destination == null ? null : DischargeDestination.valueOf(destination),
                rs.getString("discharge_destination_detail"), rs.getString("onward_referrals"),
                rs.getString("discharge_summary"), (Integer) rs.getObject("length_of_stay_days"),
                assessment(rs), rs.getString("estimated_discharge_reason"));
    }

    private static AssessmentScores.Recorded assessment(ResultSet rs) throws SQLException {
        Integer cfs = rs.getObject("clinical_frailty_scale") == null ? null : rs.getInt("clinical_frailty_scale");
        Integer fourAt = rs.getObject("four_at_total") == null ? null : rs.getInt("four_at_total");
        return new AssessmentScores.Recorded(cfs,
                cfs == null ? null : org.homeward.scoring.ClinicalFrailtyScale.ofLevel(cfs).label(),
                rs.getString("clinical_frailty_scale_version"), fourAt, rs.getString("four_at_interpretation"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String joined(Set<Intervention> interventions) {
        return interventions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Intervention> interventions(String joined) {
        EnumSet<Intervention> set = EnumSet.noneOf(Intervention.class);
        Arrays.stream(joined.split(",")).map(Intervention::valueOf).forEach(set::add);
        return set;
    }

    // the inpatient stay of step-down referrals, as the acute hospital reports it (hl7v2 module) ------------------

    void insertInpatientEvent(ReferralId referral, InpatientEvent e) {
        jdbc.sql("""
                insert into referral_inpatient_event (referral_id, kind, occurred_at, ward, source, recorded_at,
                    recorded_by) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(referral.value(), e.kind().name(), java.sql.Timestamp.from(e.occurredAt()), e.ward(),
                        e.source(), java.sql.Timestamp.from(e.recordedAt()), e.recordedBy())
                .update();
    }

    /**
     * Keeps when the patient left the acute ward on the referral, and counts it as a change of the referral (a triage
     * decision read before it is refused as a concurrent change and made again on what is true now).
     */
    void updateLeftAcuteWardAt(ReferralId referral, Instant leftAt) {
        jdbc.sql("update referral set left_acute_ward_at = ?, version = version + 1 where id = ?")
                .params(leftAt == null ? null : Timestamp.from(leftAt), referral.value()).update();
    }

    List<InpatientEvent> inpatientEvents(ReferralId referral) {
        return jdbc.sql("select * from referral_inpatient_event where referral_id = ? order by recorded_at, id")
                .param(referral.value())
                .query((rs, row) -> new InpatientEvent(InpatientEventKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("ward"), rs.getString("source"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }

    /** The acute ward a step-down patient is leaving, when the hospital says they moved (A02). */
    void updateInpatientWard(ReferralId referral, String ward) {
        jdbc.sql("update referral set inpatient_ward = ? where id = ?").params(ward, referral.value()).update();
    }
}
