package org.homeward.task;

/**
 * Someone a task may be set for, with the words a form shows, such as Pharmacists, Dorset Downs Community Health NHS
 * Trust.
 */
public record AssigneeChoice(TaskAssignee assignee, String words) {
}
