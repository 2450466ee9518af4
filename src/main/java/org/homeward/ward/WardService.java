package org.homeward.ward;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Virtual wards: the public API of the ward module. */
@Service
public class WardService {

    /** KLoE 2.1: a Hospital at Home is staffed at least 8am-8pm, 7 days a week. */
    static final LocalTime LATEST_OPENING = LocalTime.of(8, 0);
    static final LocalTime EARLIEST_CLOSING = LocalTime.of(20, 0);

    private final WardRepository repository;
    private final SecurityService securityService;
    private final ApplicationEventPublisher events;

    WardService(WardRepository repository, SecurityService securityService, ApplicationEventPublisher events) {
        this.repository = repository;
        this.securityService = securityService;
        this.events = events;
    }

    @Transactional
    public VirtualWard create(CurrentUser user, CreateWard command) {
        user.requireRole("open a virtual ward", Role.ADMIN, Role.COORDINATOR);
        if (command.opensAt().isAfter(LATEST_OPENING)) {
            throw new InvalidInputException("opensAt", "A virtual ward must open by 08:00 (KLoE 2.1: 8am-8pm, 7 days a week)");
        }
        if (command.closesAt().isBefore(EARLIEST_CLOSING)) {
            throw new InvalidInputException("closesAt", "A virtual ward must stay open until at least 20:00 (KLoE 2.1: 8am-8pm, 7 days a week)");
        }
        if (command.minAgeYears() > command.maxAgeYears()) {
            throw new InvalidInputException("minAgeYears", "Minimum age must not be above the maximum age");
        }
        if (repository.existsByName(command.name().trim())) {
            throw new RefusedException("A virtual ward called '" + command.name().trim() + "' already exists");
        }
        securityService.organisation(command.hostOrganisationId());
        VirtualWard ward = new VirtualWard(WardId.random(), command.name().trim(), EnumSet.copyOf(command.pathways()),
                command.hostOrganisationId(), command.bedCapacity(), command.opensAt(), command.closesAt(),
                command.outOfHoursContact().trim(), command.outOfHoursPhone().trim(), command.minAgeYears(),
                command.maxAgeYears(), command.admissionCriteria().trim(), command.inHoursPhone().trim());
        repository.insert(ward);
        events.publishEvent(new RecordAccessed(user.actor(), RecordAccessed.Action.CREATE, "VirtualWard",
                ward.id().toString(), null, "opened ward " + ward.name() + " with " + ward.bedCapacity() + " beds"));
        return ward;
    }

    @Transactional(readOnly = true)
    public VirtualWard ward(WardId id) {
        return repository.find(id).orElseThrow(() -> WardNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public List<VirtualWard> wards() {
        return repository.all();
    }

    /**
     * The ward, locked until the caller's transaction ends. Admissions take this lock before counting occupied
     * beds, so two admissions can never both take the last bed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public VirtualWard lockForAdmission(WardId id) {
        return repository.findForUpdate(id).orElseThrow(() -> WardNotFoundException.forId(id));
    }
}
