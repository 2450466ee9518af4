package org.homeward.diagnostics;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test catalogue kept as data ({@link Permission#MANAGE_TEST_CATALOGUE}): a test is added, or changed with a
 * reason as a new version, the earlier versions kept (append-only). Each test is checked by {@link CatalogueRules}.
 * Results already filed are never re-flagged: each copied the reference range it was flagged against and names the
 * catalogue version that judged it ({@link TestResultView#catalogueVersion}). Read by any signed-in user (the
 * catalogue holds no patient data); every change is audited.
 */
@Service
public class TestCatalogueService {

    private final TestCatalogueRepository tests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TestCatalogueService(TestCatalogueRepository tests, ApplicationEventPublisher events, Clock clock) {
        this.tests = tests;
        this.events = events;
        this.clock = clock;
    }

    /** The catalogue, in the order forms list it. */
    @Transactional(readOnly = true)
    public List<CatalogueTest> catalogue() {
        return tests.all();
    }

    /** One test as it reads now (404 when there is none). */
    @Transactional(readOnly = true)
    public CatalogueTest test(String code) {
        return tests.find(normalised(code)).orElseThrow(() -> noSuchTest(code));
    }

    /** Every version of a test, first first (404 when there is none). */
    @Transactional(readOnly = true)
    public List<CatalogueTest> history(String code) {
        List<CatalogueTest> versions = tests.versions(normalised(code));
        if (versions.isEmpty()) {
            throw noSuchTest(code);
        }
        return versions;
    }

    /** Adds a test; it is ordered on its own (in no panel), listed last. */
    @Transactional
    public CatalogueTest add(CurrentUser user, SaveCatalogueTest command) {
        user.require(Permission.MANAGE_TEST_CATALOGUE);
        String code = CatalogueRules.code(command == null ? null : command.code());
        CatalogueRules.Checked checked = CatalogueRules.check(command);
        if (tests.codeTaken(code)) {
            throw new RefusedException("The catalogue already has a test " + code + ": change that test instead");
        }
        nameFree(checked.name(), code);
        CatalogueTest added = version(code, null, null, checked, 1, user, null);
        tests.insert(added);
        tests.insertVersion(added, user.username());
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.TEST_CATALOGUE, code, null,
                "added " + added.name() + " (" + code + ") to the test catalogue: " + describe(added)));
        return added;
    }

    /** Changes a test: the whole test as it should now read, and the reason; a new version, the earlier kept. */
    @Transactional
    public CatalogueTest change(CurrentUser user, String code, SaveCatalogueTest command) {
        user.require(Permission.MANAGE_TEST_CATALOGUE);
        CatalogueTest current = tests.lock(normalised(code)).orElseThrow(() -> noSuchTest(code));
        if (command != null && command.code() != null && !command.code().isBlank()
                && !command.code().strip().equalsIgnoreCase(current.code())) {
            throw new InvalidInputException("code", "A test's code never changes (orders and results name the test"
                    + " by it): add a new test instead");
        }
        CatalogueRules.Checked checked = CatalogueRules.check(command);
        CatalogueRules.kindChange(current.kind(), checked.kind());
        String reason = CatalogueRules.reason(command.reason());
        nameFree(checked.name(), current.code());
        CatalogueTest changed = version(current.code(), current.panelCode(), current.panelName(), checked,
                current.version() + 1, user, reason);
        if (sameReading(current, changed)) {
            throw new RefusedException("This change leaves " + current.name() + " as it is");
        }
        tests.update(changed);
        tests.insertVersion(changed, user.username());
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.TEST_CATALOGUE, current.code(), null,
                "changed " + changed.name() + " (" + current.code() + ") to version " + changed.version()
                        + ", reason: " + reason + "; now " + describe(changed)));
        return changed;
    }

    private void nameFree(String name, String code) {
        if (tests.nameTaken(name, code)) {
            throw new InvalidInputException("name", "Another test in the catalogue is called " + name
                    + ": give this one a name of its own");
        }
    }

    private CatalogueTest version(String code, String panelCode, String panelName, CatalogueRules.Checked c,
            int version, CurrentUser user, String reason) {
        return new CatalogueTest(code, c.name(), c.kind(), panelCode, panelName, c.unit(), c.adultRange(),
                c.childRange(), c.criticalLow(), c.criticalHigh(), c.childCriticalLow(), c.childCriticalHigh(),
                c.source(), version, user.displayName() + " (" + user.role().label() + ", " + user.organisationName()
                        + ")", now(), reason);
    }

    private static boolean sameReading(CatalogueTest a, CatalogueTest b) {
        return a.name().equals(b.name()) && a.kind() == b.kind() && Objects.equals(a.unit(), b.unit())
                && same(a.adultRange().low(), b.adultRange().low()) && same(a.adultRange().high(), b.adultRange().high())
                && same(a.childRange().low(), b.childRange().low()) && same(a.childRange().high(), b.childRange().high())
                && same(a.criticalLow(), b.criticalLow()) && same(a.criticalHigh(), b.criticalHigh())
                && same(a.childCriticalLow(), b.childCriticalLow()) && same(a.childCriticalHigh(), b.childCriticalHigh())
                && a.source().equals(b.source());
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** 'mmol/L, adult 133-146, critical at or below 120 or at or above 160 mmol/L; child none'. */
    private static String describe(CatalogueTest t) {
        if (t.kind().reportedInWords()) {
            return t.kind().label() + ", reported in words; source: " + t.source();
        }
        String adultCritical = t.criticalWords(true);
        String childCritical = t.criticalWords(false);
        return t.kind().label() + " in " + t.unit() + "; adult range " + t.adultRange().words()
                + (adultCritical.isEmpty() ? "" : ", critical " + adultCritical) + "; child range "
                + t.childRange().words() + (childCritical.isEmpty() ? "" : ", critical " + childCritical)
                + "; source: " + t.source();
    }

    private static String normalised(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static NotFoundException noSuchTest(String code) {
        return new NotFoundException("The test catalogue has no test " + code);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
