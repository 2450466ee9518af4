/**
 * Value types shared by every module: identifiers, the NHS number, the skills a visit needs and a shift brings, the
 * audit event and the exception types that map to problem details. No beans live here.
 */
package org.homeward.shared;
