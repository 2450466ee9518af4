package org.homeward.rota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The on-call rota: the public API of the rota module. */
@Service
public class RotaService {

    /** An on-call entry covers at most a week: a longer one is almost certainly a typing slip. */
    static final Duration LONGEST_ENTRY = Duration.ofDays(7);

    private final OnCallRepository repository;
    private final SecurityService security;
    private final WardService wards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RotaService(OnCallRepository repository, SecurityService security, WardService wards,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
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
}
