/** Virtual wards: pathways, bed capacity, operating hours, out-of-hours contact and admission criteria. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package org.homeward.ward;
