package org.homeward.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.homeward.fhir.validation.UkCoreValidator;
import org.homeward.fhir.validation.ValidationOutcome;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each queued virtual-ward summary ({@link VirtualWardSummaryQueue}) every
 * {@code homeward.fhir.summary.publish-every} on one app node ({@link RecurringJob}): built as the clinician who
 * discharged the patient (their care-team access and audit; their account may have been closed since), checked
 * against UK Core, and kept with its PDF in one
 * transaction. A summary that cannot be made keeps its reason and is tried again after a wait that doubles up to an
 * hour, so a restart or a fix publishes it; nothing is lost.
 *
 * <p>The check against UK Core covers the Bundle with its Patient, Organization, Encounter and DocumentReference and
 * one Observation of each code: every Observation of a code comes from the same translator and table, and the
 * validator takes 100-200 ms a resource, so a long stay's hundreds of readings would cost minutes of a core.
 */
@Configuration(proxyBeanMethods = false)
class VirtualWardSummaryPublisher {

    private static final Logger log = LoggerFactory.getLogger(VirtualWardSummaryPublisher.class);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final VirtualWardSummaryBuilder builder;
    private final UkCoreValidator validator;
    private final FhirContext fhir;
    private final SecurityService security;
    private final JdbcClient jdbc;
    private final TransactionTemplate eachOnItsOwn;
    private final Clock clock;
    private final Duration every;

    VirtualWardSummaryPublisher(VirtualWardSummaryBuilder builder, UkCoreValidator validator, FhirContext fhir,
            SecurityService security, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${homeward.fhir.summary.publish-every:PT30S}") Duration every) {
        this.builder = builder;
        this.validator = validator;
        this.fhir = fhir;
        this.security = security;
        this.jdbc = jdbc;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.clock = clock;
        this.every = every;
    }

    @Bean
    RecurringTask<Void> virtualWardSummaryJob() {
        return RecurringJob.every("virtual-ward-summary-publisher", every, () -> publishDue(clock.instant()));
    }

    private record Due(UUID admissionId, String dischargedBy, int attempts) {
    }

    /** Makes every summary due at {@code now}; returns how many were published. */
    int publishDue(Instant now) {
        return publishDue(now, null);
    }

    /** Makes this stay's summary if it is due at {@code now} (for tests, which do not run the job); 1 if published. */
    int publish(AdmissionId stay, Instant now) {
        return publishDue(now, stay.value());
    }

    private int publishDue(Instant now, UUID only) {
        int published = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            Optional<Due> next = eachOnItsOwn.execute(status -> nextDue(now, tried, only));
            if (next == null || next.isEmpty()) {
                return published;
            }
            Due due = next.get();
            tried.add(due.admissionId());
            try {
                eachOnItsOwn.executeWithoutResult(status -> publish(due, now));
                published++;
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Virtual ward summary for admission {} not made (attempt {}): {}", due.admissionId(),
                        due.attempts() + 1, why);
                eachOnItsOwn.executeWithoutResult(status -> failed(due, now, why));
            }
        }
    }

    private Optional<Due> nextDue(Instant now, Set<UUID> tried, UUID only) {
        return jdbc.sql("""
                select admission_id, discharged_by, attempts from virtual_ward_summary
                where status = 'PENDING' and next_attempt_at <= ? and (cast(? as uuid) is null or admission_id = ?)
                  and admission_id <> all(?)
                order by next_attempt_at, admission_id limit 1""")
                .params(Timestamp.from(now), only, only, tried.toArray(new UUID[0]))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    private void publish(Due due, Instant now) {
        // locked: another node's run (after this one's node died) waits, then finds it published
        boolean pending = jdbc.sql("select admission_id from virtual_ward_summary where admission_id = ? and status = "
                + "'PENDING' for update").param(due.admissionId()).query(UUID.class).optional().isPresent();
        if (!pending) {
            return;
        }
        // made as the clinician who discharged the patient (their role, their organisation's care teams, their name
        // on the audit lines), even when their account has been closed since: the summary records the discharge
        // they made while active, and the GP must still get it (hazards H310, H338)
        CurrentUser user = security.findUserByUsername(due.dischargedBy()).map(CurrentUser::of).orElseThrow(
                () -> new IllegalStateException("the discharging clinician's account " + due.dischargedBy()
                        + " does not exist"));
        VirtualWardSummaryBuilder.Made made = builder.make(user, new AdmissionId(due.admissionId()));
        ValidationOutcome outcome = validator.validate(sample(made.bundle()));
        if (outcome.hasErrors()) {
            ValidationOutcome.Issue first = outcome.errors().get(0);
            throw new IllegalStateException("does not conform to UK Core: " + first.path() + ": " + first.message());
        }
        jdbc.sql("""
                update virtual_ward_summary set status = 'PUBLISHED', published_at = ?, bundle = ?, pdf = ?,
                    attempts = attempts + 1, last_error = null
                where admission_id = ?""")
                .params(Timestamp.from(now), fhir.newJsonParser().encodeResourceToString(made.bundle()), made.pdf(),
                        due.admissionId())
                .update();
    }

    /** The bundle with every entry but the second and later Observations of a code (see the class comment). */
    static Bundle sample(Bundle bundle) {
        Bundle sample = bundle.copy();
        Set<String> codes = new HashSet<>();
        sample.getEntry().removeIf(entry -> entry.getResource() instanceof Observation o
                && !codes.add(o.getCode().getCodingFirstRep().getSystem() + "|" + o.getCode().getCodingFirstRep().getCode()));
        return sample;
    }

    private void failed(Due due, Instant now, String why) {
        Duration wait = Duration.ofMinutes(1L << Math.min(due.attempts(), 6));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        jdbc.sql("""
                update virtual_ward_summary set attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                where admission_id = ? and status = 'PENDING'""")
                .params(why.length() > 2000 ? why.substring(0, 2000) : why, Timestamp.from(now.plus(wait)),
                        due.admissionId())
                .update();
    }

    /** The summaries still waiting and why: for administrators, and for tests. */
    List<String> waiting() {
        return jdbc.sql("select admission_id || ': ' || coalesce(last_error, 'not tried yet') from virtual_ward_summary"
                + " where status = 'PENDING' order by queued_at").query(String.class).list();
    }
}
