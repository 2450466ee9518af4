package org.homeward.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.CarePlanService;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.rota.AddShift;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.ward.SetCareOrganisations;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the demo plan through the public services in one transaction, so a failure part-way leaves nothing behind
 * and the next start tries again on a still-empty database. It does not check whether it should: see
 * {@link DemoDataRunner}.
 */
@Component
class DemoLoader {

    private final SecurityService security;
    private final WardService wards;
    private final PatientService patients;
    private final ReferralService referrals;
    private final CarePlanService carePlans;
    private final org.homeward.rota.RotaService rota;
    private final org.homeward.careplan.SupportPlanService supportPlans;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final int scale;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    DemoLoader(SecurityService security, WardService wards, PatientService patients, ReferralService referrals,
            CarePlanService carePlans, PlatformTransactionManager transactionManager, Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${homeward.demo-scale:1}") int scale,
            org.homeward.rota.RotaService rota, org.homeward.careplan.SupportPlanService supportPlans,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rota = rota;
        this.supportPlans = supportPlans;
        this.scale = scale;
        this.events = events;
        this.security = security;
        this.wards = wards;
        this.patients = patients;
        this.referrals = referrals;
        this.carePlans = carePlans;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private org.homeward.note.NoteService notes;

    /** Set apart from the constructor, so the notes hook stays a small change of its own. */
    @org.springframework.beans.factory.annotation.Autowired
    void setNotes(org.homeward.note.NoteService notes) {
        this.notes = notes;
    }

    private org.homeward.careplan.AcuityService acuity;
    private org.homeward.boardround.BoardRoundService boardRounds;
    private org.homeward.task.TaskService tasks;
    private org.homeward.medication.ReconciliationService reconciliations;

    private org.homeward.medication.DischargeMedicinesService dischargeMedicines;

    /** Set apart from the constructor, as the notes: each admission's medicines reconciliation. */
    @org.springframework.beans.factory.annotation.Autowired
    void setReconciliations(org.homeward.medication.ReconciliationService reconciliations) {
        this.reconciliations = reconciliations;
    }

    /** Set apart from the constructor, as the notes: the community pharmacy a discharged patient nominated. */
    @org.springframework.beans.factory.annotation.Autowired
    void setDischargeMedicines(org.homeward.medication.DischargeMedicinesService dischargeMedicines) {
        this.dischargeMedicines = dischargeMedicines;
    }

    /** Set apart from the constructor, as the notes: today's acuity, the week's board rounds and the tasks. */
    @org.springframework.beans.factory.annotation.Autowired
    void setRoundsAndTasks(org.homeward.careplan.AcuityService acuity,
            org.homeward.boardround.BoardRoundService boardRounds, org.homeward.task.TaskService tasks) {
        this.acuity = acuity;
        this.boardRounds = boardRounds;
        this.tasks = tasks;
    }

    private org.homeward.medication.AllergyService allergies;
    private org.homeward.medication.FormularyService formulary;
    private org.homeward.medication.PrescriptionService prescriptions;

    /** Set apart from the constructor, as the notes: the formulary, allergies and prescriptions. */
    @org.springframework.beans.factory.annotation.Autowired
    void setMedicines(org.homeward.medication.AllergyService allergies,
            org.homeward.medication.FormularyService formulary,
            org.homeward.medication.PrescriptionService prescriptions) {
        this.allergies = allergies;
        this.formulary = formulary;
        this.prescriptions = prescriptions;
    }

    private org.homeward.diagnostics.DiagnosticsService diagnostics;
    private org.homeward.medication.GrabBagService grabBags;

    /** Set apart from the constructor, as the notes: the visiting team's grab bags and controlled drugs register. */
    @org.springframework.beans.factory.annotation.Autowired
    void setGrabBags(org.homeward.medication.GrabBagService grabBags) {
        this.grabBags = grabBags;
    }

    /** Set apart from the constructor, as the notes: the current patients' tests and results. */
    @org.springframework.beans.factory.annotation.Autowired
    void setDiagnostics(org.homeward.diagnostics.DiagnosticsService diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Loads the demo service unconditionally; the organisations, usernames and ward names must not exist yet. */
    DemoLoadReport load() {
        long started = System.nanoTime();
        DemoPlan plan = DemoPlanner.plan(DemoPlanner.SEED,
                ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES), scale);
        transaction.executeWithoutResult(status -> write(plan));
        events.publishEvent(new DemoDataLoaded(plan.episodes().size()));
        return new DemoLoadReport(plan, Duration.ofNanos(System.nanoTime() - started));
    }

    private void write(DemoPlan plan) {
        Map<DemoOrganisation, Organisation> organisations = organisations(plan);
        Map<String, UserAccount> staff = staff(plan, organisations);
        integrationEngine(organisations);
        coverDemoPractices(organisations.get(DemoOrganisation.GP_FEDERATION));
        Map<DemoWardCopy, VirtualWard> virtualWards = wards(plan, organisations, staff);
        DemoJourneys journeys = new DemoJourneys(patients, referrals, staff, virtualWards, organisations);
        journeys.afterAdmission(new DemoReconciliations(reconciliations, dischargeMedicines, staff,
                plan.now().toInstant()));
        List<PatientId> patientIds = new ArrayList<>(plan.episodes().size());
        int copy = 1;
        for (EpisodePlan episode : plan.episodes()) {
            if (episode.wardCopy() != copy) {
                refreshStatisticsAfterCopy(copy);
                copy = episode.wardCopy();
            }
            patientIds.add(journeys.replay(patientIds.size(), episode));
        }
        homeVisits(plan, staff, patientIds);
        DemoNotes.write(notes, plan, staff, patientIds);
        DemoSupportPlans.write(supportPlans, plan, staff, patientIds, java.time.LocalDate.now(clock));
        DemoOnCall.fill(rota, virtualWards, staff, java.time.LocalDate.now(clock), clock.getZone());
        DemoAcuity.write(acuity, plan, staff, patientIds);
        DemoBoardRounds.write(boardRounds, referrals, tasks, plan, staff, patientIds);
        DemoTasks.write(tasks, patients, plan, staff, patientIds,
                organisations.get(DemoOrganisation.GP_FEDERATION).id());
        DemoMedicines.write(allergies, formulary, prescriptions, plan, staff, patientIds);
        DemoDiagnostics.write(diagnostics, plan, staff, patientIds);
        DemoGrabBags.write(grabBags, formulary, staff, java.time.LocalDate.now(clock));
    }

    /**
     * The admitting clinician puts each current patient's interventions on their plan; the coordinators (adults' and
     * children's) add the visiting team's shifts, so the coordinator's day view has a day to plan.
     */
    private void homeVisits(DemoPlan plan, Map<String, UserAccount> staff, List<PatientId> patientIds) {
        for (DemoCarePlans.CarePlan carePlan : plan.carePlans()) {
            CurrentUser clinician = CurrentUser.of(staff.get(carePlan.addedBy()));
            PatientId patient = patientIds.get(carePlan.episode());
            for (AddIntervention intervention : carePlan.interventions()) {
                carePlans.addIntervention(clinician, patient, intervention);
            }
        }
        CurrentUser coordinator = CurrentUser.of(staff.get("coordinator"));
        CurrentUser childrensCoordinator = CurrentUser.of(staff.get("coordinator2"));
        for (AddShift shift : plan.shifts()) {
            rota.addShift(shift.skills().contains(Skill.PAEDIATRIC_NURSE) ? childrensCoordinator : coordinator, shift);
        }
    }

    private Map<DemoOrganisation, Organisation> organisations(DemoPlan plan) {
        Map<DemoOrganisation, Organisation> created = new EnumMap<>(DemoOrganisation.class);
        for (DemoOrganisation organisation : plan.organisations()) {
            created.put(organisation, security.createOrganisation(organisation.odsCode(), organisation.displayName(),
                    organisation.type()));
        }
        return created;
    }

    /**
     * The acute trust's HL7 v2 integration engine account, which ADT messages are applied as when the listener is
     * switched on ({@code homeward.hl7v2.inbound.port}; off by default): a referrer of the trust, so it registers and
     * corrects patients and records inpatient stays on referrals under the trust's rules and nothing more. Its
     * password is random and shown to nobody, so no one signs in with it.
     */
    private void integrationEngine(Map<DemoOrganisation, Organisation> organisations) {
        Organisation acute = organisations.get(DemoOrganisation.ACUTE);
        if (acute != null && security.findUserByUsername(INTEGRATION_ENGINE).isEmpty()) {
            security.createUser(INTEGRATION_ENGINE, java.util.UUID.randomUUID().toString(),
                    "Trust integration engine", "HL7 v2 integration engine (no sign-in)", Role.REFERRER, acute.id());
        }
    }

    /** The username of the acute trust's integration engine account ({@code homeward.hl7v2.inbound.acts-as}). */
    public static final String INTEGRATION_ENGINE = "trust-integration-engine";

    /** One BCrypt hash shared by every demo user: hashing each of them would add seconds to start-up. */
    private Map<String, UserAccount> staff(DemoPlan plan, Map<DemoOrganisation, Organisation> organisations) {
        String passwordHash = security.hashPassword(DemoLogins.PASSWORD);
        Map<String, UserAccount> created = new LinkedHashMap<>();
        for (DemoLogin login : plan.staff()) {
            Organisation organisation = organisations.get(DemoOrganisation.named(login.organisation()));
            created.put(login.username(), security.createUserWithHash(login.username(), passwordHash,
                    login.displayName(), login.jobTitle(), login.role(), organisation.id()));
        }
        return created;
    }

    /**
     * Each ward (every copy of it when the demo is loaded several times over) is opened by its host's own
     * administrator, naming the organisation that visits and shares the care.
     */
    private Map<DemoWardCopy, VirtualWard> wards(DemoPlan plan, Map<DemoOrganisation, Organisation> organisations,
            Map<String, UserAccount> staff) {
        Map<DemoWardCopy, VirtualWard> created = new LinkedHashMap<>();
        for (DemoWardCopy copy : plan.wardCopies()) {
            DemoWard ward = copy.ward();
            CurrentUser admin = CurrentUser.of(staff.get(ward.administrator()));
            created.put(copy, wards.create(admin, copy.command(organisations.get(ward.host()).id()),
                    new SetCareOrganisations(List.of(organisations.get(ward.visiting()).id()))));
        }
        return created;
    }

    /**
     * Refreshes the planner statistics within the load's transaction (ANALYZE counts the rows its own transaction
     * wrote) once 1, 2, 4, 8 ... copies of the wards are written, so they are never less than half the truth. The
     * planner otherwise plans every journey's lookups for the empty tables it saw before the load: at demo scale 112
     * it found a patient's open admission by reading every open admission, and the load slowed as it grew.
     * A demo of one copy (scale 1) never gets here.
     */
    private void refreshStatisticsAfterCopy(int copiesWritten) {
        if (Integer.bitCount(copiesWritten) == 1) {
            jdbc.execute("analyze");
        }
    }

    /** The GP federation covers every demo practice, so each patient's GP reads their summaries and results. */
    private void coverDemoPractices(Organisation gpFederation) {
        security.coverPractices(gpFederation.id(), DemoTowns.practiceCodes());
    }
}
