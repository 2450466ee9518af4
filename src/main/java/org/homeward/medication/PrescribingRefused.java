package org.homeward.medication;

import java.util.List;
import java.util.stream.Collectors;
import org.homeward.shared.InvalidInputException;

/**
 * A prescription refused by its checks (400): names the first finding's field, says every finding, and carries them
 * all so a form can show each in its error summary and offer to confirm the confirmable ones with a reason.
 */
public class PrescribingRefused extends InvalidInputException {

    private final transient List<CheckFinding> findings;

    PrescribingRefused(List<CheckFinding> findings) {
        super(findings.get(0).field(), findings.stream().map(CheckFinding::message).collect(Collectors.joining(" ")));
        this.findings = List.copyOf(findings);
    }

    public List<CheckFinding> findings() {
        return findings;
    }
}
