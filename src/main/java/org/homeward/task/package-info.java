/**
 * Tasks: work handed to a person, to a role within an organisation (the community provider's pharmacists) or to an
 * organisation's team, with a priority and a due time; created by hand, from board-round decisions, alerts and
 * results; worklists for each person; completion recorded and audited; overdue tasks flagged everywhere and urgent or
 * high ones escalated once to the assignee's organisation's coordinators. Low in the module graph: many modules create
 * tasks through {@link org.homeward.task.TaskService}, and it asks only the patient module (who may see a patient,
 * the care team), security (users, roles, organisations) and notification (telling coordinators). It also listens to
 * the referral module's step-down events (ready to admit, no longer ready) to give the ward's coordinators the task
 * to plan the first visit, reading the ward's care organisations from the ward module; the referral module knows
 * nothing of tasks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"notification", "patient", "referral",
        "security", "ward"})
package org.homeward.task;
