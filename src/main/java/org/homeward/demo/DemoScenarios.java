package org.homeward.demo;

import static org.homeward.referral.Intervention.CARER_SUPPORT;
import static org.homeward.referral.Intervention.IV_THERAPY;
import static org.homeward.referral.Intervention.MONITORING;
import static org.homeward.referral.Intervention.NEBULISERS;
import static org.homeward.referral.Intervention.NG_FEEDING;
import static org.homeward.referral.Intervention.OXYGEN;
import static org.homeward.referral.Intervention.PHOTOTHERAPY;
import static org.homeward.referral.Intervention.SUBCUTANEOUS_FLUIDS;
import static org.homeward.referral.ReferralSource.AMBULANCE;
import static org.homeward.referral.ReferralSource.COMMUNITY;
import static org.homeward.referral.ReferralSource.EMERGENCY_DEPARTMENT;
import static org.homeward.referral.ReferralSource.GP;
import static org.homeward.referral.ReferralSource.INPATIENT_WARD;
import static org.homeward.referral.ReferralSource.SDEC;
import static org.homeward.referral.ReferralSource.SINGLE_POINT_OF_ACCESS;

import java.util.EnumSet;
import java.util.List;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralSource;

/**
 * The conditions each demo ward treats, written as clinicians would write them, with the interventions the ward's
 * pathway offers (adult: spec KLoE 7.2; children: the Islington abstract). Values (NEWS2, CURB-65, bilirubin) are
 * typical of patients accepted to a virtual ward, not thresholds the software applies.
 */
final class DemoScenarios {

    private static final List<DemoScenario> FRAILTY_RESPIRATORY = List.of(
            scenario("Infective exacerbation of COPD", EnumSet.of(NEBULISERS, OXYGEN, MONITORING),
                    AgeBand.years(58, 90), List.of(GP, EMERGENCY_DEPARTMENT, AMBULANCE, SINGLE_POINT_OF_ACCESS,
                            INPATIENT_WARD),
                    "Known COPD (FEV1 45% predicted). Three days of increased breathlessness and purulent sputum. SpO2 "
                            + "89% on air (target 88-92%), RR 24, NEWS2 5 on SpO2 scale 2. Needs nebulised "
                            + "salbutamol and ipratropium, prednisolone, doxycycline, oxygen titration and daily review.",
                    "Meets criteria: COPD exacerbation, SpO2 in target on 1 L/min, no acidosis on venous gas. Accept "
                            + "for nebulisers, oxygen and monitoring.",
                    "Treated for an infective exacerbation of COPD with nebulised bronchodilators, 5 days of "
                            + "prednisolone 30 mg and doxycycline; oxygen weaned to air by day 3.",
                    5, "Pulmonary rehabilitation; community COPD nurse review in 2 weeks", false),
            scenario("Community-acquired pneumonia (CURB-65 score 2)", EnumSet.of(IV_THERAPY, OXYGEN, MONITORING),
                    AgeBand.years(68, 97), List.of(EMERGENCY_DEPARTMENT, SDEC, GP, INPATIENT_WARD),
                    "Right lower lobe consolidation on chest X-ray, CRP 168, urea 7.9; CURB-65 2 (age, urea). Needs IV "
                            + "amoxicillin 8-hourly for 48-72 hours then oral switch, oxygen 2 L/min and observations "
                            + "twice daily.",
                    "Community-acquired pneumonia, CURB-65 2, SpO2 94% on 2 L/min, NEWS2 4: accept for IV antibiotics "
                            + "and oxygen at home.",
                    "Completed 3 days of IV amoxicillin, then oral amoxicillin to finish 5 days; weaned off oxygen on "
                            + "day 3; CRP fell from 168 to 34.",
                    6, "Repeat chest X-ray in 6 weeks via the GP", false),
            scenario("Cellulitis of the lower leg", EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(70, 96),
                    List.of(GP, SDEC, COMMUNITY),
                    "Spreading erythema of the left shin despite 48 hours of oral flucloxacillin; Eron class II; "
                            + "chronic leg oedema. Needs once-daily IV ceftriaxone and daily review of the marked margin.",
                    "Eron class II cellulitis failing oral treatment; no sepsis, NEWS2 2. Accept for once-daily IV "
                            + "ceftriaxone.",
                    "Received 4 days of IV ceftriaxone then oral clindamycin to complete 7 days; erythema receded well "
                            + "inside the marked margin; leg elevation and compression advice given.",
                    5, "District nursing for leg ulcer care and compression", false),
            scenario("Urinary tract infection with delirium",
                    EnumSet.of(IV_THERAPY, SUBCUTANEOUS_FLUIDS, MONITORING, CARER_SUPPORT), AgeBand.years(78, 98),
                    List.of(GP, AMBULANCE, SINGLE_POINT_OF_ACCESS),
                    "New confusion over 2 days (4AT 6), dysuria, temperature 37.9, poor oral intake. Clinical Frailty "
                            + "Scale 6. Needs IV antibiotics, subcutaneous fluids and delirium care at home, away from "
                            + "the unfamiliar ward environment.",
                    "Delirium secondary to urinary tract infection, CFS 6, NEWS2 3, family able to stay: home is the "
                            + "better place for delirium. Accept.",
                    "IV ceftriaxone for 3 days then oral nitrofurantoin guided by urine culture (E. coli); 2 litres "
                            + "of subcutaneous fluid; delirium resolved by day 4 (4AT 0).",
                    6, "Memory assessment service once recovered; community falls prevention", true),
            scenario("Fall at home with frailty, no fracture", EnumSet.of(MONITORING, CARER_SUPPORT),
                    AgeBand.years(75, 98), List.of(AMBULANCE, EMERGENCY_DEPARTMENT, SINGLE_POINT_OF_ACCESS, COMMUNITY),
                    "Long lie (3 hours) after a fall at home; assessed by the ambulance crew, no head injury or fracture, "
                            + "CK 1200. Clinical Frailty Scale 6, struggling with transfers. Needs monitoring of CK and "
                            + "renal function, medicines review and therapy assessment at home.",
                    "Fall without injury, CFS 6, NEWS2 1; high risk of deconditioning in hospital. Accept for "
                            + "comprehensive geriatric assessment at home.",
                    "Comprehensive geriatric assessment at home: postural hypotension from doxazosin (stopped); CK "
                            + "normalised with oral fluids; physiotherapy and occupational therapy assessment, walking "
                            + "frame and key safe fitted.",
                    7, "Reablement care package twice daily; community falls service", true),
            scenario("Dehydration with acute kidney injury (stage 1)", EnumSet.of(SUBCUTANEOUS_FLUIDS, MONITORING),
                    AgeBand.years(76, 97), List.of(GP, COMMUNITY),
                    "Diarrhoea and vomiting over 4 days, now settling; creatinine 148 from a baseline of 92 (AKI stage "
                            + "1), postural dizziness. On ramipril and furosemide. Needs subcutaneous fluids, a "
                            + "sick-day medicines review and repeat U&E at 48 hours.",
                    "AKI stage 1 with dehydration, partly tolerating oral fluids, NEWS2 2. Accept for subcutaneous "
                            + "fluids and daily bloods.",
                    "Ramipril and furosemide withheld; 3 litres of subcutaneous fluid over 3 days; creatinine back to "
                            + "96; medicines restarted at lower doses.",
                    4, "GP to recheck U&E in 1 week", true),
            scenario("Infective exacerbation of bronchiectasis", EnumSet.of(IV_THERAPY, NEBULISERS, MONITORING),
                    AgeBand.years(55, 88), List.of(GP, SDEC, INPATIENT_WARD),
                    "Known bronchiectasis colonised with Pseudomonas; more, and more purulent, sputum not responding to "
                            + "oral ciprofloxacin. Needs 14 days of IV ceftazidime via a midline, nebulised saline and "
                            + "airway clearance physiotherapy.",
                    "Bronchiectasis exacerbation needing IV antipseudomonal antibiotics; clinically stable. Accept for "
                            + "IV therapy with respiratory physiotherapy.",
                    "Completed IV ceftazidime via midline with daily airway clearance physiotherapy; sputum volume "
                            + "halved; midline removed.",
                    12, "Respiratory clinic in 6 weeks", false),
            scenario("Acute pyelonephritis", EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(70, 92),
                    List.of(EMERGENCY_DEPARTMENT, SDEC),
                    "Right loin pain, rigors and temperature 38.6; urine dip positive; CRP 140; lactate 1.4, not "
                            + "septic. Needs once-daily IV ceftriaxone and daily review.",
                    "Pyelonephritis without sepsis, eating and drinking, NEWS2 3. Accept for IV antibiotics.",
                    "IV ceftriaxone for 3 days then oral co-amoxiclav to complete 10 days, guided by urine culture.",
                    4, null, false),
            scenario("Influenza A pneumonia, weaning oxygen after inpatient stay", EnumSet.of(OXYGEN, MONITORING),
                    AgeBand.years(65, 95), List.of(INPATIENT_WARD),
                    "Day 6 of an inpatient stay for influenza A pneumonia; oseltamivir completed; still needs 1 L/min "
                            + "oxygen at rest, otherwise medically optimised. Step down to wean oxygen at home with "
                            + "remote pulse oximetry.",
                    "Step-down: stable on 1 L/min, NEWS2 2 on SpO2 scale 1. Accept with remote oximetry.",
                    "Oxygen weaned from 1 L/min to air by day 4 with remote oximetry; no desaturation on a walking "
                            + "test; physiotherapy for deconditioning.",
                    5, "Community physiotherapy", false));

    private static final List<DemoScenario> HEART_FAILURE = List.of(
            scenario("Decompensated heart failure needing IV furosemide", EnumSet.of(IV_THERAPY, MONITORING),
                    AgeBand.years(55, 95), List.of(EMERGENCY_DEPARTMENT, SDEC, GP, COMMUNITY),
                    "Known heart failure with reduced ejection fraction (EF 30%). Weight up 4 kg in a week, pitting "
                            + "oedema to the knees, orthopnoea. SpO2 95% on air, BP 118/70, K 4.6, eGFR 48. Oral "
                            + "furosemide 80 mg no longer effective; needs IV furosemide twice daily with daily "
                            + "weights and U&E.",
                    "Fluid overloaded, blood pressure and renal function within the ward's limits. Accept for IV "
                            + "furosemide 80 mg twice daily.",
                    "IV furosemide 80 mg twice daily for 5 days: weight down 5.2 kg, oedema to the ankles only; back "
                            + "on oral furosemide 80 mg twice daily; dapagliflozin started; creatinine stable.",
                    7, "Heart failure specialist nurse follow-up; cardiology clinic for device review", false),
            scenario("Heart failure with preserved ejection fraction, worsening oedema",
                    EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(70, 95),
                    List.of(GP, COMMUNITY, SINGLE_POINT_OF_ACCESS),
                    "Heart failure with preserved ejection fraction and permanent AF; 3 kg weight gain, oedema to the "
                            + "thighs, breathless on minimal exertion; prefers not to go to hospital. BP 134/78, K 4.1, "
                            + "eGFR 41. Needs IV furosemide and daily bloods.",
                    "Congested, haemodynamically stable, rate-controlled AF. Accept for IV diuresis at home.",
                    "IV furosemide for 6 days: 4.5 kg lost, breathlessness back to baseline; discharged on oral "
                            + "furosemide 80 mg daily with a weight-based self-adjustment plan.",
                    6, "Heart failure specialist nurse follow-up", false),
            scenario("Acute heart failure, completing IV diuresis after inpatient stay",
                    EnumSet.of(IV_THERAPY, MONITORING, CARER_SUPPORT), AgeBand.years(60, 94),
                    List.of(INPATIENT_WARD),
                    "Day 5 on the cardiology ward with acute decompensated heart failure; 4 kg off but still 3 kg "
                            + "above dry weight. Renal function stable. Needs 3-5 more days of IV furosemide, which can "
                            + "be given at home.",
                    "Step-down to complete diuresis: haemodynamically stable, electrolytes in range. Accept.",
                    "Completed IV furosemide at home and reached target dry weight; switched to oral furosemide 40 mg "
                            + "twice daily; sacubitril/valsartan uptitrated.",
                    5, "Cardiac rehabilitation; heart failure nurse titration clinic", false),
            scenario("New heart failure (NT-proBNP 4800 ng/L) with peripheral oedema",
                    EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(58, 90), List.of(GP, SDEC),
                    "New breathlessness and ankle oedema over 3 weeks; NT-proBNP 4800 ng/L; ECG sinus rhythm with left "
                            + "bundle branch block. Needs IV diuresis and start of heart failure medicines while an "
                            + "echocardiogram is arranged.",
                    "Suspected new heart failure, congested but stable, no ischaemic ECG changes. Accept; echo requested.",
                    "IV furosemide for 4 days; echocardiogram showed EF 35%; bisoprolol, ramipril and dapagliflozin "
                            + "started.",
                    6, "Cardiology clinic; heart failure nurse titration clinic; cardiac rehabilitation", false),
            scenario("Fluid overload in heart failure with chronic kidney disease",
                    EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(70, 95), List.of(GP, COMMUNITY),
                    "Heart failure with reduced ejection fraction and CKD stage 3b; weight up 3 kg; two admissions "
                            + "this year. Needs careful IV diuresis with daily U&E to balance congestion against "
                            + "kidney function.",
                    "Congested with stable CKD (eGFR 32), potassium 5.0. Accept with daily bloods.",
                    "Cautious IV furosemide with daily U&E: 3 kg lost, creatinine rose 10% then settled; oral "
                            + "bumetanide 2 mg daily.",
                    7, "Renal and heart failure joint clinic", false));

    private static final List<DemoScenario> CHILDREN = List.of(
            scenario("Bronchiolitis needing oxygen and NG feeds", EnumSet.of(OXYGEN, NG_FEEDING, MONITORING),
                    AgeBand.days(30, 330), List.of(EMERGENCY_DEPARTMENT, INPATIENT_WARD, SDEC),
                    "RSV-positive bronchiolitis, day 4 of illness. Feeding about half the usual volume; SpO2 91-93% in "
                            + "air, needs 0.5 L/min nasal cannula oxygen; no apnoeas; PEWS 2. Parents confident with "
                            + "NG feeds after teaching.",
                    "Bronchiolitis past its peak, stable on low-flow oxygen with NG feeds, PEWS 2, no apnoeas. Accept "
                            + "for oxygen, NG feeds and twice-daily visits.",
                    "Low-flow oxygen weaned to air by day 3 with overnight oximetry; NG feeds reduced as oral feeding "
                            + "improved; NG tube removed on day 4.",
                    4, "Health visitor follow-up", false),
            scenario("Neonatal jaundice needing phototherapy", EnumSet.of(PHOTOTHERAPY, MONITORING, CARER_SUPPORT),
                    AgeBand.days(3, 10), List.of(COMMUNITY, GP, EMERGENCY_DEPARTMENT),
                    "Term baby, breastfed; serum bilirubin 290 micromol/L, above the NICE phototherapy line but well "
                            + "below the exchange transfusion threshold; feeding well, no signs of infection, DAT "
                            + "negative. Needs home phototherapy with daily bilirubin levels.",
                    "Bilirubin above the phototherapy line, below the exchange threshold, well baby: accept for home "
                            + "phototherapy with daily bilirubin checks.",
                    "Home phototherapy with a fibre-optic blanket for 48 hours; bilirubin fell from 290 to 196 "
                            + "micromol/L with no rebound 18 hours after stopping; breastfeeding support given.",
                    2, "Community midwife and health visitor", false),
            scenario("Periorbital (preseptal) cellulitis", EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(1, 12),
                    List.of(EMERGENCY_DEPARTMENT, GP),
                    "Preseptal cellulitis of the left eye: no proptosis, full eye movements, normal acuity; "
                            + "temperature 38.2, otherwise well. Needs once-daily IV ceftriaxone for 48 hours, then "
                            + "review for oral switch.",
                    "Preseptal cellulitis without orbital signs, PEWS 1. Accept for once-daily IV ceftriaxone with "
                            + "twice-daily eye checks.",
                    "IV ceftriaxone once daily for 2 days then oral co-amoxiclav to complete 7 days; swelling resolved.",
                    3, null, false),
            scenario("Cellulitis of the foot after an insect bite", EnumSet.of(IV_THERAPY), AgeBand.years(4, 16),
                    List.of(EMERGENCY_DEPARTMENT, GP),
                    "Spreading cellulitis of the right foot 3 days after an insect bite, despite oral flucloxacillin; "
                            + "afebrile, walking. Needs IV ceftriaxone once daily.",
                    "Cellulitis failing oral antibiotics, systemically well, PEWS 0. Accept for IV antibiotics at home.",
                    "IV ceftriaxone for 2 days then oral flucloxacillin to complete 7 days; redness within the marked "
                            + "line by day 2.",
                    3, null, false),
            scenario("Pyelonephritis (febrile urinary tract infection)", EnumSet.of(IV_THERAPY, MONITORING),
                    AgeBand.years(1, 15), List.of(EMERGENCY_DEPARTMENT, INPATIENT_WARD),
                    "Fever 39.1, loin tenderness and vomiting; urine dip nitrite and leucocyte positive. Not septic, "
                            + "tolerating fluids after ondansetron. Needs IV ceftriaxone once daily.",
                    "Upper urinary tract infection, not septic, drinking. Accept for IV antibiotics with daily review.",
                    "IV ceftriaxone for 3 days then oral cefalexin guided by urine culture (E. coli) to complete 10 days.",
                    3, "Renal tract ultrasound within 6 weeks (NICE guidance on UTI in under 16s)", false),
            scenario("Acute asthma, weaning salbutamol nebulisers", EnumSet.of(NEBULISERS, MONITORING),
                    AgeBand.years(2, 16), List.of(EMERGENCY_DEPARTMENT, INPATIENT_WARD),
                    "Moderate acute asthma treated on the children's ward; now on 4-hourly salbutamol nebulisers, SpO2 "
                            + "95% in air, PEWS 1. Needs bronchodilators weaned at home and prednisolone completed.",
                    "Improving asthma on 4-hourly nebulisers, PEWS 1, parents confident. Accept.",
                    "Salbutamol weaned from 4-hourly nebulisers to an inhaler via spacer over 3 days; prednisolone "
                            + "completed; personal asthma action plan and inhaler technique reviewed.",
                    3, "GP asthma review within 2 days of finishing treatment", false),
            scenario("Gastroenteritis with dehydration needing NG rehydration",
                    EnumSet.of(NG_FEEDING, MONITORING, CARER_SUPPORT), AgeBand.years(0, 4),
                    List.of(EMERGENCY_DEPARTMENT, SDEC),
                    "Diarrhoea and vomiting, about 5% dehydrated, refusing oral rehydration solution; sodium 139. NG "
                            + "tube placed in the paediatric assessment unit; needs NG rehydration over 24-48 hours "
                            + "with weights and nappy counts.",
                    "Clinical dehydration without shock, normal sodium, NG tube in place. Accept for NG rehydration.",
                    "NG rehydration solution over 36 hours; weight regained, tolerating oral fluids; NG tube removed.",
                    2, null, false),
            scenario("Perforated appendicitis after appendicectomy, completing IV antibiotics",
                    EnumSet.of(IV_THERAPY, MONITORING), AgeBand.years(6, 16), List.of(INPATIENT_WARD),
                    "Day 3 after laparoscopic appendicectomy for perforated appendicitis; eating and mobilising, "
                            + "afebrile for 24 hours. Needs 4 more days of IV ceftriaxone with oral metronidazole.",
                    "Step-down: afebrile, eating, wounds clean. Accept to complete IV antibiotics at home.",
                    "Completed IV ceftriaxone with oral metronidazole; wounds clean, CRP normal.",
                    4, "Paediatric surgical clinic in 6 weeks", false),
            scenario("Community-acquired pneumonia needing low-flow oxygen", EnumSet.of(OXYGEN, MONITORING),
                    AgeBand.years(1, 10), List.of(EMERGENCY_DEPARTMENT, INPATIENT_WARD),
                    "Left lower lobe pneumonia on oral amoxicillin; SpO2 92% in air, needs 0.5 L/min oxygen; eating "
                            + "and drinking; PEWS 2.",
                    "Pneumonia on oral antibiotics needing low-flow oxygen only, PEWS 2. Accept.",
                    "Oxygen weaned by day 3 with overnight oximetry; oral amoxicillin completed.",
                    3, null, false));

    private DemoScenarios() {
    }

    static List<DemoScenario> forWard(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> FRAILTY_RESPIRATORY;
            case HEART_FAILURE -> HEART_FAILURE;
            case CHILDREN -> CHILDREN;
        };
    }

    private static DemoScenario scenario(String condition, EnumSet<Intervention> interventions, AgeBand ages,
            List<ReferralSource> sources, String reason, String acceptReason, String treatment, int typicalStayDays,
            String onwardReferrals, boolean mayLackCapacity) {
        return new DemoScenario(condition, interventions, ages, sources, reason, acceptReason, treatment,
                typicalStayDays, onwardReferrals, mayLackCapacity);
    }
}
