package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.homeward.security.Role;
import org.homeward.security.UserAccount;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The controlled drugs register's rules (Misuse of Drugs Regulations 2001 reg. 19; NICE NG46) row by row. */
class ControlledDrugRulesTests {

    static final OrganisationId PROVIDER = new OrganisationId(UUID.randomUUID());
    static final OrganisationId OTHER = new OrganisationId(UUID.randomUUID());

    static UserAccount account(String username, Role role, OrganisationId organisation) {
        return new UserAccount(new UserId(UUID.randomUUID()), username, "Sam " + username, "Nurse", role,
                organisation, "Org");
    }

    @Test
    void aWitnessIsASecondRegisteredClinicianOfTheSameOrganisation() {
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "nurse2", account("nurse2", Role.CLINICIAN,
                PROVIDER), PROVIDER)).isNull();
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "pharm", account("pharm", Role.PHARMACIST,
                PROVIDER), PROVIDER)).isNull();
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "doc", account("doc", Role.SENIOR_DECISION_MAKER,
                PROVIDER), PROVIDER)).isNull();
    }

    @Test
    void eachWrongWitnessIsRefusedInWords() {
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", null, null, PROVIDER))
                .startsWith("A controlled drug needs a witness");
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "  ", null, PROVIDER))
                .startsWith("A controlled drug needs a witness");
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "NURSE1", account("nurse1", Role.CLINICIAN,
                PROVIDER), PROVIDER)).startsWith("The witness must be a second person");
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "ghost", null, PROVIDER))
                .isEqualTo("The witness ghost is not a clinician of this organisation");
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "nurse9", account("nurse9", Role.CLINICIAN, OTHER),
                PROVIDER)).isEqualTo("The witness nurse9 is not a clinician of this organisation");
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "coord", account("coord", Role.COORDINATOR,
                PROVIDER), PROVIDER)).contains("is not a registered clinician who may witness");
        assertThat(ControlledDrugRules.witnessRefusal("nurse1", "ref", account("ref", Role.REFERRER, PROVIDER),
                PROVIDER)).contains("(their role is Referrer)");
    }

    @ParameterizedTest(name = "balance {0} change {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "10, -1, 9",
            "1, -1, 0",
            "0, 10, 10",
            "0, -1, null",
            "2, -3, null",
            "5, 0, 5"})
    void theRunningBalanceNeverGoesBelowZero(BigDecimal balance, BigDecimal change, BigDecimal after) {
        BigDecimal result = ControlledDrugRules.balanceAfter(balance, change);
        if (after == null) {
            assertThat(result).isNull();
        } else {
            assertThat(result).isEqualByComparingTo(after);
        }
    }

    @ParameterizedTest(name = "balance {0} counted {1}: disagrees {2}")
    @CsvSource({"10, 10, false", "10, 10.0, false", "10, 9, true", "10, 11, true", "0, 0, false"})
    void aBalanceCheckThatDisagreesIsADiscrepancy(BigDecimal balance, BigDecimal counted, boolean disagrees) {
        assertThat(ControlledDrugRules.checkDisagrees(balance, counted)).isEqualTo(disagrees);
    }
}
