package org.homeward.ward;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.SecurityService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.OrganisationId;
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
        return create(user, command, SetCareOrganisations.hostOnly());
    }

    /**
     * Opens a ward with the organisations that share its care besides the host, in one transaction. Only a provider
     * (acute trust or community provider) hosts a ward, and only that organisation's own administrator opens it.
     */
    @Transactional
    public VirtualWard create(CurrentUser user, CreateWard command, SetCareOrganisations care) {
        requireAdministratorOfHost(user, command.hostOrganisationId(), Permission.OPEN_WARDS);
        if (command.opensAt().isAfter(LATEST_OPENING)) {
            throw new InvalidInputException("opensAt", "A virtual ward must open by 08:00 (the national standard: 8am to 8pm, 7 days a week)");
        }
        if (command.closesAt().isBefore(EARLIEST_CLOSING)) {
            throw new InvalidInputException("closesAt", "A virtual ward must stay open until at least 20:00 (the national standard: 8am to 8pm, 7 days a week)");
        }
        if (command.minAgeYears() > command.maxAgeYears()) {
            throw new InvalidInputException("minAgeYears", "Minimum age must not be above the maximum age");
        }
        if (repository.existsByName(command.name().trim())) {
            throw new RefusedException("A virtual ward called '" + command.name().trim() + "' already exists");
        }
        VirtualWard ward = new VirtualWard(WardId.random(), command.name().trim(), EnumSet.copyOf(command.pathways()),
                command.hostOrganisationId(), command.bedCapacity(), command.opensAt(), command.closesAt(),
                command.outOfHoursContact().trim(), command.outOfHoursPhone().trim(), command.minAgeYears(),
                command.maxAgeYears(), command.admissionCriteria().trim(), command.inHoursPhone().trim());
        repository.insert(ward);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.VIRTUAL_WARD, ward.id(), null,
                "opened ward " + ward.name() + " with " + ward.bedCapacity() + " beds"));
        replaceCareOrganisations(user, ward, care);
        return ward;
    }

    /**
     * Sets the organisations that visit the ward's patients and share their care (the host always does). Applies to
     * admissions from now on; patients already admitted keep their care team, which a senior changes on the record.
     */
    @Transactional
    public List<WardCareOrganisation> setCareOrganisations(CurrentUser user, WardId wardId, SetCareOrganisations care) {
        VirtualWard ward = ward(wardId);
        requireAdministratorOfHost(user, ward.hostOrganisationId(), Permission.CHANGE_WARD_CARE);
        replaceCareOrganisations(user, ward, care);
        return careOrganisations(wardId);
    }

    /** The organisations sharing the care of the ward's patients, the host first. */
    @Transactional(readOnly = true)
    public List<WardCareOrganisation> careOrganisations(WardId wardId) {
        Map<OrganisationId, Organisation> organisations = securityService.organisations().stream()
                .collect(Collectors.toMap(Organisation::id, o -> o));
        return repository.careOrganisations(wardId).stream()
                .map(c -> new WardCareOrganisation(c.organisationId(), organisations.get(c.organisationId()).name(),
                        c.role()))
                .sorted(Comparator.comparing(WardCareOrganisation::role).thenComparing(WardCareOrganisation::organisationName))
                .toList();
    }

    private void replaceCareOrganisations(CurrentUser user, VirtualWard ward, SetCareOrganisations care) {
        Set<OrganisationId> visiting = new LinkedHashSet<>(care.visitingOrganisationIds());
        visiting.remove(ward.hostOrganisationId());
        for (OrganisationId id : visiting) {
            Organisation organisation = organisationNamed(id, "visitingOrganisationIds");
            if (!organisation.type().hostsWards()) {
                throw new InvalidInputException("visitingOrganisationIds", organisation.name() + " is "
                        + article(organisation.type()) + "; only a provider (acute trust or community provider) visits"
                        + " and shares a ward's care. A GP organisation joins each patient's care team through the"
                        + " patient's GP practice.");
            }
        }
        repository.replaceCareOrganisations(ward.id(), ward.hostOrganisationId(), visiting);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.VIRTUAL_WARD, ward.id(), null,
                "care shared by host and " + (visiting.isEmpty() ? "no visiting organisation"
                        : visiting.size() + " visiting organisation(s): " + visiting)));
    }

    /**
     * The one rule for who sets up a ward: a provider hosts it (never a GP organisation or a commissioner, whose
     * staff would then join every patient's care team), and that provider's own administrator sets it up.
     */
    private void requireAdministratorOfHost(CurrentUser user, OrganisationId hostId, Permission permission) {
        user.require(permission);
        if (hostId == null) {
            throw new InvalidInputException("hostOrganisationId", "Hosting organisation is required");
        }
        Organisation host = organisationNamed(hostId, "hostOrganisationId");
        if (!host.type().hostsWards()) {
            throw new InvalidInputException("hostOrganisationId", host.name() + " is " + article(host.type())
                    + "; only an acute trust or a community provider hosts a virtual ward");
        }
        if (!host.id().equals(user.organisationId())) {
            throw new ForbiddenException("hostOrganisationId: you administer " + user.organisationName() + "; a ward"
                    + " hosted by " + host.name() + " is set up by " + host.name() + "'s own administrator");
        }
    }

    private Organisation organisationNamed(OrganisationId id, String field) {
        try {
            return securityService.organisation(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "No organisation with id " + id);
        }
    }

    private static String article(OrganisationType type) {
        String label = type.label().toLowerCase();
        return (label.matches("^[aeiou].*") ? "an " : "a ") + label;
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
