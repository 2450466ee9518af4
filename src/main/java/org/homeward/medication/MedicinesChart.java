package org.homeward.medication;

import java.util.List;

/** A patient's medicines chart: allergies, active prescriptions (by start) and stopped ones (newest stopped first). */
public record MedicinesChart(PatientAllergies allergies, List<PrescriptionLine> active,
        List<PrescriptionLine> stopped) {
}
