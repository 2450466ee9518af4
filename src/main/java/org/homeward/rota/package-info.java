/**
 * Rota: who is on call for each virtual ward's escalation tier, from when to when (KLoE 2.2, 2.3). Escalation asks
 * it whom to tell. Staff shifts for home visits stay in the visit module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "ward"})
package org.homeward.rota;
