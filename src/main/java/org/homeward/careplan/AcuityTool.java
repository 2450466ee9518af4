package org.homeward.careplan;

import java.util.List;

/** The acuity tool as it stands now: its rows (retired ones included, marked) in order, and its level bands. */
public record AcuityTool(List<AcuityToolRow> rows, List<AcuityBand> bands) {

    public AcuityTool {
        rows = List.copyOf(rows);
        bands = List.copyOf(bands);
    }

    /** The rows an assessment asks now, in order. */
    public List<AcuityToolRow> activeRows() {
        return rows.stream().filter(AcuityToolRow::active).toList();
    }

    /** The active rows of one group, in order. */
    public List<AcuityToolRow> activeRows(AcuityGroup group) {
        return rows.stream().filter(r -> r.active() && r.group() == group).toList();
    }

    public AcuityBand band(int level) {
        return bands.stream().filter(b -> b.level() == level).findFirst()
                .orElseThrow(() -> new IllegalStateException("The acuity tool has no band for level " + level));
    }

    /** What a standard patient counts in acuity-weighted capacity: the weight of level 2 (moderate). */
    public int standardWeight() {
        return band(AcuityLevels.STANDARD_LEVEL).capacityWeight();
    }
}
