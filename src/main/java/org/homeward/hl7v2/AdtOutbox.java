package org.homeward.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractMessage;
import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import ca.uhn.hl7v2.model.v251.message.ADT_A03;
import ca.uhn.hl7v2.model.v251.segment.EVN;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.PatientAdmitted;
import org.homeward.referral.PatientDischarged;
import org.homeward.security.SecurityService;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbound ADT to the acute trust: an A01 when a patient is admitted to a virtual ward and an A03 when they are
 * discharged, made with HAPI's v2.5.1 structures and queued in {@code hl7_outbound} in the admission's or discharge's
 * own transaction (no admission without its message, no message without its admission). {@link AdtSender} sends them.
 */
@Component
class AdtOutbox {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Hl7v2Properties properties;
    private final PatientService patients;
    private final WardService wards;
    private final SecurityService security;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HapiContext hapi = MllpListener.newContext();

    AdtOutbox(Hl7v2Properties properties, PatientService patients, WardService wards, SecurityService security,
            JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.patients = patients;
        this.wards = wards;
        this.security = security;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientAdmitted admitted) {
        queue("A01", admitted.patientId(), admitted.admissionId(), admitted.wardId(), admitted.admittedAt(), null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        queue("A03", discharged.patientId(), discharged.admissionId(), discharged.wardId(), null,
                discharged.dischargedAt());
    }

    private void queue(String event, PatientId patientId, AdmissionId admission, WardId ward, Instant admittedAt,
            Instant dischargedAt) {
        if (!properties.outbound().enabled()) {
            return;
        }
        PatientSummary patient = patients.summary(patientId);
        UUID id = UUID.randomUUID();
        String controlId = "HW" + id.toString().replace("-", "").substring(0, 18).toUpperCase();
        Instant now = clock.instant();
        String message = message(event, controlId, patient, admission, wards.ward(ward).name(), admittedAt,
                dischargedAt, now);
        jdbc.sql("""
                insert into hl7_outbound (id, created_at, control_id, trigger_event, patient_id, admission_id,
                    nhs_number, organisation_id, message, status, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, Timestamp.from(now), controlId, event, patientId.value(),
                        admission == null ? null : admission.value(), patient.nhsNumber().value(),
                        engineOrganisation(), message, Timestamp.from(now))
                .update();
    }

    private UUID engineOrganisation() {
        String username = properties.inbound().actsAs();
        return username == null ? null
                : security.findActiveUser(username).map(a -> a.organisationId().value()).orElse(null);
    }

    private String message(String event, String controlId, PatientSummary patient, AdmissionId admission,
            String wardName, Instant admittedAt, Instant dischargedAt, Instant now) {
        try {
            AbstractMessage adt = "A01".equals(event) ? hapi.newMessage(ADT_A01.class) : hapi.newMessage(ADT_A03.class);
            if (adt instanceof ADT_A01 a01) {
                a01.initQuickstart("ADT", "A01", "P");
            } else {
                ((ADT_A03) adt).initQuickstart("ADT", "A03", "P");
            }
            ZoneId zone = clock.getZone();
            MSH msh = (MSH) adt.get("MSH");
            msh.getSendingApplication().getNamespaceID().setValue("HOMEWARD");
            msh.getSendingFacility().getNamespaceID().setValue("HAH");
            msh.getReceivingApplication().getNamespaceID().setValue(properties.outbound().receivingApplication());
            msh.getReceivingFacility().getNamespaceID().setValue(properties.outbound().receivingFacility());
            msh.getDateTimeOfMessage().getTime().setValue(HL7_TIME.format(now.atZone(zone)));
            msh.getMessageControlID().setValue(controlId);
            EVN evn = (EVN) adt.get("EVN");
            evn.getEventTypeCode().setValue(event);
            evn.getRecordedDateTime().getTime().setValue(HL7_TIME.format(now.atZone(zone)));
            Instant occurred = admittedAt != null ? admittedAt : dischargedAt;
            evn.getEventOccurred().getTime().setValue(HL7_TIME.format(occurred.atZone(zone)));
            PID pid = (PID) adt.get("PID");
            pid.getSetIDPID().setValue("1");
            pid.getPatientIdentifierList(0).getIDNumber().setValue(patient.nhsNumber().value());
            pid.getPatientIdentifierList(0).getAssigningAuthority().getNamespaceID().setValue("NHS");
            pid.getPatientIdentifierList(0).getIdentifierTypeCode().setValue("NH");
            pid.getPatientName(0).getFamilyName().getSurname().setValue(patient.familyName());
            pid.getPatientName(0).getGivenName().setValue(patient.givenName());
            pid.getDateTimeOfBirth().getTime().setValue(HL7_DATE.format(patient.dateOfBirth()));
            pid.getAdministrativeSex().setValue(switch (patient.sex()) {
                case FEMALE -> "F";
                case MALE -> "M";
                case OTHER -> "O";
                case UNKNOWN -> "U";
            });
            PV1 pv1 = (PV1) adt.get("PV1");
            pv1.getSetIDPV1().setValue("1");
            pv1.getPatientClass().setValue("I");
            pv1.getAssignedPatientLocation().getPointOfCare().setValue(wardName);
            pv1.getAssignedPatientLocation().getFacility().getNamespaceID().setValue("HAH");
            if (admission != null) {
                pv1.getVisitNumber().getIDNumber().setValue(admission.value().toString());
            }
            if (admittedAt != null) {
                pv1.getAdmitDateTime().getTime().setValue(HL7_TIME.format(admittedAt.atZone(zone)));
            }
            if (dischargedAt != null) {
                pv1.getDischargeDateTime(0).getTime().setValue(HL7_TIME.format(dischargedAt.atZone(zone)));
            }
            return hapi.getPipeParser().encode(adt);
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("could not make the ADT^" + event + " message", e);
        }
    }
}
