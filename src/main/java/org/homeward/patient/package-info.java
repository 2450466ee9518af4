/**
 * Patients: demographics, NHS number, address and location, GP practice, carers and parents, and the care team
 * (the organisations whose users may see the record). Every read and change is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"scoring", "security"})
package org.homeward.patient;
