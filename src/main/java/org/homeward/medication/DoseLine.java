package org.homeward.medication;

/**
 * A dose on a day's chart and where it stands.
 *
 * @param administration what was recorded for it, {@code null} when nothing was
 */
public record DoseLine(ScheduledDose dose, DoseState state, Administration administration) {
}
