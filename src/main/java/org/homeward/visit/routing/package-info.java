/**
 * Visit routing: the planning model and the Timefold Solver set-up that turn a day's visit requirements and staff
 * shifts into an ordered route per staff member.
 *
 * <p>Pure Java on purpose: no Spring, no database, no JSON. The visit module maps its records onto {@link
 * org.homeward.visit.routing.RoutePlan} and back, and the benchmarks map Solomon and HHCRSP instances onto the same
 * model, so the solver that plans a nurse's day is the one the benchmarks measure. Times are milliseconds from the
 * plan's origin (the product: midnight of the plan day in the service's zone; benchmarks: their time zero, one
 * instance unit being one minute). The constraints are listed in {@code README.md} beside this package.
 */
package org.homeward.visit.routing;
