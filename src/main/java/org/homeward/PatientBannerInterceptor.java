package org.homeward;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.careplan.ResuscitationStatus;
import org.homeward.careplan.SupportPlanService;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.medication.AllergyService;
import org.homeward.medication.AllergyStatus;
import org.homeward.medication.PatientAllergies;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.PatientId;
import org.homeward.ward.WardService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place the patient banner's facts come from: every page under {@code /patients/{id}} that renders a view
 * gets {@code patientBanner} in its model (the templates include {@code fragments :: patientBanner}). It runs after
 * the page's controller, which has already checked and audited the user's access; the banner itself applies the same
 * care-team rule again ({@link PatientService#bannerSummary}), so a page that did not check never shows a patient the
 * user may not see. The patient is the one named in the page's own path, so the banner cannot name another patient.
 */
@Component
class PatientBannerInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final SecurityService security;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final AlertService alerts;
    private final SupportPlanService carePlans;
    private final AllergyService allergies;
    private final PageWords words;

    PatientBannerInterceptor(SecurityService security, PatientService patients, ReferralService referrals,
            WardService wards, AlertService alerts, SupportPlanService carePlans, AllergyService allergies,
            PageWordsDialect dialect) {
        this.allergies = allergies;
        this.security = security;
        this.patients = patients;
        this.referrals = referrals;
        this.wards = wards;
        this.alerts = alerts;
        this.carePlans = carePlans;
        this.words = dialect.words();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/patients/*", "/patients/*/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        // a redirect renders nothing, and a fragment (a record's section loaded by htmx, "template :: fragment") is
        // drawn inside a page that has its banner already: neither needs the banner's queries
        String view = modelAndView == null ? null : modelAndView.getViewName();
        if (view == null || view.startsWith("redirect:") || view.contains("::")) {
            return;
        }
        patientInPath(request).flatMap(id -> currentUser().flatMap(user -> banner(user, id)))
                .ifPresent(banner -> modelAndView.addObject("patientBanner", banner));
    }

    Optional<PatientBanner> banner(CurrentUser user, PatientId id) {
        return patients.bannerSummary(user, id).map(this::banner);
    }

    private PatientBanner banner(PatientSummary patient) {
        LocalDate today = referrals.today();
        Optional<AdmissionView> admission = referrals.openAdmission(patient.id());
        String wardName = admission.map(a -> wards.ward(a.wardId()).name()).orElse(null);
        Integer dayOfStay = admission.map(a -> a.dayOfStay(today)).orElse(null);
        Optional<AlertView> alert = alerts.openAlertOf(patient.id());
        Optional<ResuscitationStatus> resuscitation = carePlans.resuscitationStatus(patient.id());
        PatientAllergies known = allergies.allergiesOf(patient.id());
        return new PatientBanner(patient.id(), patient.givenName() + " " + patient.familyName(), patient.nhsNumber(),
                patient.dateOfBirth(), patient.ageOn(today), wardName, dayOfStay,
                alert.map(a -> words.words(a.severity())).orElse(null), alert.map(this::whatRaised).orElse(null),
                alert.map(a -> tagColour(a.severity().name())).orElse(null),
                resuscitation.map(ResuscitationStatus::words).orElse(null),
                resuscitation.map(ResuscitationStatus::dnacpr).orElse(false),
                resuscitation.map(ResuscitationStatus::lastWeeksOfLifeWords).orElse(null), known.bannerWords(),
                known.status() == AllergyStatus.HAS_ALLERGIES);
    }

    /** 'NEWS2 7', or the kind of alert in words ('Missed reading'). */
    private String whatRaised(AlertView alert) {
        return alert.scoreName() != null ? alert.scoreName() + " " + alert.scoreTotal() : words.words(alert.kind());
    }

    /** NHS.UK tag colours by urgency: red for the two that need a response within the hour. */
    private static String tagColour(String severity) {
        return switch (severity) {
            case "EMERGENCY", "HIGH" -> "red";
            case "MEDIUM" -> "orange";
            default -> "yellow";
        };
    }

    private static Optional<PatientId> patientInPath(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PatientId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<CurrentUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return security.findUserByUsername(authentication.getName()).map(CurrentUser::of);
    }
}
