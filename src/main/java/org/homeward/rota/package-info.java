/**
 * Rota: the staff shifts home visits are planned into (who, when, with which skills, from and to where, break and
 * most visits), planned by each organisation for its own staff; and who is on call for each virtual ward's escalation
 * tier, from when to when (KLoE 2.2, 2.3). Escalation asks it whom to tell; the visit module plans each day over the
 * shifts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "ward"})
package org.homeward.rota;
