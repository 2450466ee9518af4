/**
 * Login, users, roles and organisations. Every user belongs to one organisation; what a user may see of a patient
 * is decided by the patient module from the patient's care team and the user's {@link org.homeward.security.Role}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.homeward.security;
