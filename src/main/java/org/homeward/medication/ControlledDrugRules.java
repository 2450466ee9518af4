package org.homeward.medication;

import java.math.BigDecimal;
import org.homeward.security.Permission;
import org.homeward.security.UserAccount;
import org.homeward.shared.OrganisationId;

/**
 * The rules of the controlled drugs register. Each entry shows the balance after it, in a register kept per
 * organisation, medicine and bag (Misuse of Drugs Regulations 2001, regulation 19 and Schedule 6: the register is kept
 * for each drug and each premises, entries are in chronological order, never cancelled, obliterated or altered, and a
 * running balance is kept; NICE NG46 Controlled drugs: safe use and management 2016, 1.5 record keeping and 1.14
 * administering). An administration (and a removal) is witnessed by a second registered clinician of the same
 * organisation who is not the person giving it (NICE NG46 1.14.4: a second person witnesses the administration of a
 * controlled drug where possible; the service makes it a rule for every dose given from a grab bag).
 */
public final class ControlledDrugRules {

    private ControlledDrugRules() {
    }

    /**
     * Why the witness named may not witness, in words, or {@code null} when they may: there must be a witness; not the
     * person giving it; an active account of the same organisation whose role may witness.
     *
     * @param witness the witness's account, {@code null} when no active account has the username given
     */
    public static String witnessRefusal(String givenBy, String witnessUsername, UserAccount witness,
            OrganisationId organisation) {
        if (witnessUsername == null || witnessUsername.isBlank()) {
            return "A controlled drug needs a witness: name the second registered clinician who checked it with you";
        }
        if (witnessUsername.strip().equalsIgnoreCase(givenBy)) {
            return "The witness must be a second person, not the one giving or removing the controlled drug";
        }
        if (witness == null || !witness.organisationId().equals(organisation)) {
            return "The witness " + witnessUsername.strip() + " is not a clinician of this organisation";
        }
        if (!witness.can(Permission.WITNESS_CONTROLLED_DRUGS)) {
            return "The witness " + witness.displayName() + " is not a registered clinician who may witness a "
                    + "controlled drug (their role is " + witness.role().label() + ")";
        }
        return null;
    }

    /** The running balance after an entry; {@code null} when it would go below zero (the caller refuses). */
    public static BigDecimal balanceAfter(BigDecimal previous, BigDecimal change) {
        BigDecimal after = previous.add(change);
        return after.signum() < 0 ? null : after;
    }

    /** Whether a balance check disagrees with the register's balance: then it is recorded as a discrepancy. */
    public static boolean checkDisagrees(BigDecimal balance, BigDecimal counted) {
        return balance.compareTo(counted) != 0;
    }
}
