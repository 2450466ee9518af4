package org.homeward.note;

import org.homeward.security.Role;
import org.homeward.shared.OrganisationId;

/**
 * Who wrote a note, as they were when they wrote it: kept on the note, so a later change of job or organisation does
 * not rewrite who wrote what.
 *
 * @param jobTitle the job the person holds ("Senior Staff Nurse, Hospital at Home"), or {@code null} if none is
 *        recorded
 */
public record NoteAuthor(String username, String name, String jobTitle, Role role, OrganisationId organisationId,
        String organisationName) {

    /**
     * Name, job and organisation: Dr Asha Patel (Consultant Geriatrician, Wessex Coast University Hospitals NHS FT);
     * the role in words when no job is recorded.
     */
    public String described() {
        String job = jobTitle == null || jobTitle.isBlank() ? role.label() : jobTitle;
        return name + " (" + job + ", " + organisationName + ")";
    }
}
