package org.homeward.rota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The on-call rota and the staff shifts visits are planned into: the public API of the rota module. */
@Service
public class RotaService {

    /** An on-call entry covers at most a week: a longer one is almost certainly a typing slip. */
    static final Duration LONGEST_ENTRY = Duration.ofDays(7);

    private final OnCallRepository repository;
    private final ShiftRepository shifts;
    private final SecurityService security;
    private final WardService wards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RotaService(OnCallRepository repository, ShiftRepository shifts, SecurityService security, WardService wards,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.shifts = shifts;
        this.security = security;
        this.wards = wards;
        this.events = events;
        this.clock = clock;
    }

    /** A coordinator (or senior) puts someone of their own organisation on call for a ward's tier. */
    @Transactional
    public OnCall add(CurrentUser user, AddOnCall command) {
        user.require(Permission.ADD_ON_CALL);
        if (command.wardId() == null) {
            throw new InvalidInputException("wardId", "Say which ward the person is on call for");
        }
        if (command.tier() == null) {
            throw new InvalidInputException("tier", "Say which tier: one of WARD_TEAM, NURSE_IN_CHARGE, ON_CALL_SENIOR, OUT_OF_HOURS_CONTACT");
        }
        if (command.username() == null || command.username().isBlank()) {
            throw new InvalidInputException("username", "Say who is on call (their username)");
        }
        if (command.startsAt() == null) {
            throw new InvalidInputException("startsAt", "Say when the on-call period starts");
        }
        if (command.endsAt() == null || !command.endsAt().isAfter(command.startsAt())) {
            throw new InvalidInputException("endsAt", "The on-call period must end after it starts");
        }
        if (Duration.between(command.startsAt(), command.endsAt()).compareTo(LONGEST_ENTRY) > 0) {
            throw new InvalidInputException("endsAt", "An on-call entry may cover at most 7 days; add one per period");
        }
        UserAccount person = security.findUserByUsername(command.username().trim())
                .filter(u -> u.organisationId().equals(user.organisationId()))
                .orElseThrow(() -> new InvalidInputException("username", "No one called '" + command.username().trim()
                        + "' in your organisation (" + user.organisationName() + "); you can put only your own staff on call"));
        VirtualWard ward = wards.ward(command.wardId());
        if (wards.careOrganisations(ward.id()).stream().noneMatch(c -> c.organisationId().equals(user.organisationId()))) {
            throw new InvalidInputException("wardId", user.organisationName() + " does not share the care of " + ward.name()
                    + "; you can put staff on call only for wards your organisation hosts or visits");
        }
        OnCall entry = new OnCall(UUID.randomUUID(), person.organisationId(), ward.id(), ward.name(), command.tier(),
                person.id(), person.displayName(), person.jobTitle(), command.startsAt(), command.endsAt());
        repository.insert(entry, user.username(), clock.instant());
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.ON_CALL, entry.id(), null,
                "put " + person.username() + " on call as " + command.tier().label()
                        + " for " + ward.name()));
        return entry;
    }

    /** Who is on call for this ward's tier at this moment; for routing alerts, so no user and no audit line. */
    @Transactional(readOnly = true)
    public List<OnCall> onCall(WardId ward, OnCallTier tier, Instant at) {
        return repository.onCall(ward, tier, at);
    }

    /** Everyone on call now, by ward and tier: names and roles, no patients, so any signed-in staff may read it. */
    @Transactional(readOnly = true)
    public List<OnCall> onCallNow(CurrentUser user) {
        return repository.onCallAt(clock.instant());
    }

    /**
     * Adds a shift for a clinical staff member. Coordinators and seniors plan shifts; a staff member cannot be on two
     * overlapping shifts.
     */
    @Transactional
    public StaffShift addShift(CurrentUser user, AddShift command) {
        user.require(Permission.PLAN_SHIFTS);
        StaffShift shift = ShiftPlan.checked(command, security, clock.getZone(), user.username(), clock.instant());
        if (!shift.organisationId().equals(user.organisationId())) {
            throw new InvalidInputException("username", shift.staffName() + " works for another organisation; each "
                    + "organisation plans its own staff's shifts");
        }
        if (shifts.overlaps(shift.userId(), shift.startsAt(), shift.endsAt())) {
            throw new RefusedException(shift.staffName() + " already has a shift overlapping this one");
        }
        shifts.insert(shift);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.STAFF_SHIFT, shift.id(), null,
                "shift for " + shift.staffName()));
        return shift;
    }

    @Transactional
    public StaffShift cancelShift(CurrentUser user, UUID id) {
        user.require(Permission.PLAN_SHIFTS);
        StaffShift shift = shifts.find(id).filter(s -> s.organisationId().equals(user.organisationId()))
                .orElseThrow(() -> new NotFoundException("No shift with id " + id));
        if (!shifts.cancel(id, user.username(), clock.instant())) {
            throw new RefusedException("This shift was already cancelled by " + shift.cancelledBy());
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.STAFF_SHIFT, id, null,
                "cancelled shift for " + shift.staffName()));
        return shifts.find(id).orElseThrow();
    }

    /**
     * The shifts of the user's organisation that start on {@code day} (in the service's zone), out-of-hours ones
     * included.
     */
    @Transactional(readOnly = true)
    public List<StaffShift> shifts(CurrentUser user, LocalDate day) {
        user.require(Permission.SEE_SHIFTS);
        return shifts.startingBetween(user.organisationId(), day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /**
     * An organisation's shifts, not cancelled, that start at or after {@code from} and before {@code to}, by start
     * time: what the visit module plans a team's day over. Callers check the asker's access first.
     */
    public List<StaffShift> shiftsStartingBetween(OrganisationId organisation, Instant from, Instant to) {
        return shifts.startingBetween(organisation, from, to);
    }

    /** The organisations with shifts starting in the interval, the one with most shifts first. */
    public List<OrganisationId> organisationsOnShift(Instant from, Instant to) {
        return shifts.organisationsOnShift(from, to);
    }

    /** A shift by its id, cancelled or not. Callers check the asker's access first. */
    public Optional<StaffShift> shift(UUID id) {
        return shifts.find(id);
    }
}
