package org.homeward.referral.web;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Component;

/** Names for the ids that journey pages list: wards, and the patients the viewer may see. */
@Component
class PageLookups {

    private final WardService wards;
    private final PatientService patients;

    PageLookups(WardService wards, PatientService patients) {
        this.wards = wards;
        this.patients = patients;
    }

    Map<WardId, VirtualWard> wardsById() {
        return wards.wards().stream().collect(Collectors.toMap(VirtualWard::id, Function.identity()));
    }

    Map<PatientId, PatientSummary> visiblePatients(CurrentUser user, Collection<PatientId> ids) {
        return patients.visibleSummaries(user, ids).stream()
                .collect(Collectors.toMap(PatientSummary::id, Function.identity()));
    }
}
