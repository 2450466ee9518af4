package org.homeward.patient;

import java.util.Arrays;

/** NHS Data Dictionary "Ethnic Category" (2001 census based codes) used in NHS data sets, including Z and 99. */
public enum EthnicCategory {
    A("White - British"),
    B("White - Irish"),
    C("White - Any other White background"),
    D("Mixed - White and Black Caribbean"),
    E("Mixed - White and Black African"),
    F("Mixed - White and Asian"),
    G("Mixed - Any other mixed background"),
    H("Asian or Asian British - Indian"),
    J("Asian or Asian British - Pakistani"),
    K("Asian or Asian British - Bangladeshi"),
    L("Asian or Asian British - Any other Asian background"),
    M("Black or Black British - Caribbean"),
    N("Black or Black British - African"),
    P("Black or Black British - Any other Black background"),
    R("Other Ethnic Groups - Chinese"),
    S("Other Ethnic Groups - Any other ethnic group"),
    Z("Not stated"),
    NOT_KNOWN("Not known");

    private final String label;

    EthnicCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The code as the data sets carry it: the letter, or "99" for not known. */
    public String code() {
        return this == NOT_KNOWN ? "99" : name();
    }

    public static EthnicCategory fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ethnic category code " + code));
    }
}
