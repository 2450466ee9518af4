package org.homeward.diagnostics;

import java.util.List;

/** Results entered by staff from the lab's report for one order (as {@link ResultsIn}, the order named by the path). */
public record EnterResults(List<ResultLine> results) {
}
