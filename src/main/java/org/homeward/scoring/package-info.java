/**
 * Early-warning and assessment scores: NEWS2 (adults 16+), national PEWS for England (children), Clinical Frailty
 * Scale v2.0 and the 4AT. Pure Java: no Spring, no persistence, no clock; every rule cites its published source and
 * is tested row by row against it. Choices where the sources leave room are listed in {@code README.md} beside this
 * package and each is the safer reading. It has no module test ({@code @ApplicationModuleTest}): with no beans there is
 * nothing to start; its rules are tested as plain unit tests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.homeward.scoring;
