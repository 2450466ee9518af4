/**
 * Clinical notes (KLoE 5.3, 8.2): visit notes, phone reviews, consultant reviews, specialist advice and MDT
 * discussions, written by any clinical member of a patient's care team and read by every organisation in it. A note
 * is amended only by its author, with a reason, and keeps every earlier version; it is never deleted (the database
 * refuses to change or delete a note or any of its versions). Every read, write and refusal is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "security"})
package org.homeward.note;
