package org.homeward.scoring;

import java.time.LocalDate;
import java.time.Period;

/** Test builder: a set that scores 0 on the child's chart, changed one parameter at a time. */
final class PewsInputBuilder {

    private final LocalDate born;
    private final LocalDate on;
    private Double rr;
    private RespiratoryDistress distress = RespiratoryDistress.NONE;
    private Double spo2 = 98.0;
    private OxygenDevice device = OxygenDevice.NONE;
    private Double oxygenPercent;
    private Double oxygenFlow;
    private Double hr;
    private Double sbp;
    private BloodPressureDerogation derogation;
    private Integer otherScore;
    private Double crt = 1.0;
    private Avpu avpu = Avpu.ALERT;
    private boolean sepsis;
    private boolean septicShock;
    private boolean pupils;
    private CarerAnswer carer;
    private PewsEscalationLevel carerLevel;
    private PewsEscalationLevel intuition;
    private PewsEscalationLevel concern;

    private PewsInputBuilder(LocalDate born, LocalDate on) {
        this.born = born;
        this.on = on;
    }

    /** Normal values from the middle of each chart's 0 band. */
    static PewsInputBuilder normalFor(LocalDate born, LocalDate on) {
        PewsInputBuilder b = new PewsInputBuilder(born, on);
        int years = on.isBefore(born) ? 0 : Period.between(born, on).getYears();
        if (years < 1) {
            b.rr = 40.0; b.hr = 130.0; b.sbp = 80.0;
        } else if (years < 5) {
            b.rr = 30.0; b.hr = 110.0; b.sbp = 90.0;
        } else if (years < 13) {
            b.rr = 22.0; b.hr = 100.0; b.sbp = 100.0;
        } else {
            b.rr = 18.0; b.hr = 80.0; b.sbp = 110.0;
        }
        return b;
    }

    PewsInputBuilder respiratoryRate(double value) { rr = value; return this; }
    PewsInputBuilder heartRate(Double value) { hr = value; return this; }
    PewsInputBuilder systolic(Double value) { sbp = value; return this; }
    PewsInputBuilder saturation(double value) { spo2 = value; return this; }
    PewsInputBuilder capillaryRefill(double value) { crt = value; return this; }
    PewsInputBuilder distress(RespiratoryDistress value) { distress = value; return this; }
    PewsInputBuilder avpu(Avpu value) { avpu = value; return this; }
    PewsInputBuilder sepsis() { sepsis = true; return this; }
    PewsInputBuilder septicShock() { septicShock = true; return this; }
    PewsInputBuilder abnormalPupils() { pupils = true; return this; }
    PewsInputBuilder intuition(PewsEscalationLevel level) { intuition = level; return this; }
    PewsInputBuilder specificConcern(PewsEscalationLevel level) { concern = level; return this; }

    PewsInputBuilder oxygen(OxygenDevice value, Double percent, Double flow) {
        device = value;
        oxygenPercent = percent;
        oxygenFlow = flow;
        return this;
    }

    PewsInputBuilder derogation(BloodPressureDerogation code, Integer chosenScore) {
        sbp = null;
        derogation = code;
        otherScore = chosenScore;
        return this;
    }

    PewsInputBuilder carer(CarerAnswer answer, PewsEscalationLevel level) {
        carer = answer;
        carerLevel = level;
        return this;
    }

    PewsInput build() {
        return new PewsInput(born, on, rr, distress, spo2, device, oxygenPercent, oxygenFlow, hr, sbp, derogation,
                otherScore, crt, avpu, sepsis, septicShock, pupils, carer, carerLevel, intuition, concern);
    }
}
