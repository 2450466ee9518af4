/**
 * Patients: demographics, NHS number, address and location, GP practice, carers and parents, and the care team
 * (the organisations whose users may see the record), and merging a duplicate record into the surviving one
 * ({@link org.homeward.patient.PatientService#merge}, publishing {@link org.homeward.shared.PatientsMerged}). Every
 * read and change is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"scoring", "security"})
package org.homeward.patient;
