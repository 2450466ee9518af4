/**
 * Value types shared by every module: identifiers, the NHS number, the skills a visit needs and a shift brings, the
 * audit event and the exception types that map to problem details. No beans live here, so it has no module test;
 * every module test starts it (an open, shared module).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.homeward.shared;
