package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.SupportPlanService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * CarePlan: a patient's care and support plan with their interventions ({@code CarePlan/{patient id}}), read by anyone
 * in the patient's care team through the careplan module's services, with their care-team rule and audit.
 */
@Component
class CarePlanProvider implements FhirResourceProvider {

    private final SupportPlanService plans;
    private final CarePlanService interventions;
    private final FhirUsers users;
    private final Validation validation;
    private final Clock clock;

    CarePlanProvider(SupportPlanService plans, CarePlanService interventions, FhirUsers users, Validation validation,
            Clock clock) {
        this.plans = plans;
        this.interventions = interventions;
        this.users = users;
        this.validation = validation;
        this.clock = clock;
    }

    @Override
    public Class<CarePlan> getResourceType() {
        return CarePlan.class;
    }

    /** The plan of the patient with this id. */
    @Read
    public CarePlan read(@IdParam IdType id) {
        return plan(users.current(), new PatientId(FhirIds.uuid(id, "CarePlan")));
    }

    /** The patient's plan: one, or none while nothing is planned (no plan recorded and no intervention). */
    @Search
    public List<CarePlan> search(@RequiredParam(name = CarePlan.SP_PATIENT) ReferenceParam patient) {
        CarePlan plan = plan(users.current(),
                FhirIds.patient(patient));
        return plan.getMeta().getVersionId().equals("0") && !plan.hasActivity() ? List.of() : List.of(plan);
    }

    private CarePlan plan(CurrentUser user, PatientId patient) {
        return CarePlanTranslator.toFhir(plans.plan(user, patient), interventions.interventions(user, patient),
                LocalDate.now(clock));
    }

    /** {@code POST /fhir/CarePlan/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam CarePlan resource) {
        return validation.validate(resource);
    }
}
