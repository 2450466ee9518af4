package org.homeward.scoring;

/** The carer question "Is your child worse?": Worse, Same, Better, Asleep or Unavailable (W/S/B/A/U). */
public enum CarerAnswer {
    WORSE, SAME, BETTER, ASLEEP, UNAVAILABLE
}
