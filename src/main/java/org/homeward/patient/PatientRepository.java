package org.homeward.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.CarerId;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PatientRepository {

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PatientId id, NhsNumber nhsNumber, RegisterPatient p, Instant createdAt) {
        jdbc.sql("""
                insert into patient (id, nhs_number, given_name, family_name, date_of_birth, sex, ethnic_category,
                    address_line1, address_line2, town, postcode, latitude, longitude, phone, gp_practice_code,
                    gp_practice_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), nhsNumber.value(), p.givenName().trim(), p.familyName().trim(), p.dateOfBirth(),
                        p.sex().name(), p.ethnicCategory().code(), p.addressLine1().trim(), blankToNull(p.addressLine2()),
                        p.town().trim(), normalisePostcode(p.postcode()), p.latitude(), p.longitude(),
                        blankToNull(p.phone()), p.gpPracticeCode(), p.gpPracticeName().trim(),
                        Timestamp.from(createdAt))
                .update();
    }

    String gpPracticeCode(PatientId id) {
        return jdbc.sql("select gp_practice_code from patient where id = ?").param(id.value()).query(String.class)
                .single();
    }

    boolean existsByNhsNumber(NhsNumber nhsNumber) {
        return jdbc.sql("select exists (select 1 from patient where nhs_number = ?)").param(nhsNumber.value())
                .query(Boolean.class).single();
    }

    boolean exists(PatientId id) {
        return jdbc.sql("select exists (select 1 from patient where id = ?)").param(id.value())
                .query(Boolean.class).single();
    }

    Optional<PatientRecord> find(PatientId id) {
        return jdbc.sql("select * from patient where id = ?").param(id.value())
                .query((rs, row) -> record(rs, carers(id), careTeam(id))).optional();
    }

    Optional<PatientId> findIdByNhsNumber(NhsNumber nhsNumber) {
        return jdbc.sql("select id from patient where nhs_number = ?").param(nhsNumber.value())
                .query((rs, row) -> new PatientId(rs.getObject("id", UUID.class))).optional();
    }

    /**
     * Patients in the organisation's care matching every part of the query ({@link PatientQuery}): each name word
     * anywhere in "given family" (a trigram index serves it), the NHS number exactly, the date of birth exactly, or the
     * postcode.
     */
    List<PatientSummary> search(PatientQuery query, OrganisationId visibleTo, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new java.util.ArrayList<>();
        params.add(visibleTo.value());
        if (query.nhsNumber() != null) {
            where.append(" and p.nhs_number = ?");
            params.add(query.nhsNumber());
        }
        if (query.dateOfBirth() != null) {
            where.append(" and p.date_of_birth = ?");
            params.add(query.dateOfBirth());
        }
        if (!query.nameWords().isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String word : query.nameWords()) {
                names.append(names.isEmpty() ? "" : " and ").append("lower(p.given_name || ' ' || p.family_name) like ?");
                params.add("%" + word + "%");
            }
            if (query.postcode() != null) {
                where.append(" and ((").append(names).append(") or replace(p.postcode, ' ', '') = ?)");
                params.add(query.postcode());
            } else {
                where.append(" and ").append(names);
            }
        }
        params.add(limit);
        return jdbc.sql("""
                select p.* from patient p
                join patient_care_team t on t.patient_id = p.id and t.organisation_id = ?
                where p.merged_into is null""" + where + " order by p.family_name, p.given_name, p.date_of_birth limit ?")
                .params(params)
                .query((rs, row) -> summary(rs)).list();
    }

    /** Changes the fields of one section, unless the record's version moved on since {@code version} (if given). */
    boolean update(PatientId id, Integer version, String assignments, Object... values) {
        // Arrays.asList, not List.of: a field cleared by the correction (address line 2, phone) is a null value
        List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(values));
        params.add(id.value());
        String check = "";
        if (version != null) {
            check = " and version = ?";
            params.add(version);
        }
        return jdbc.sql("update patient set " + assignments + ", version = version + 1 where id = ?" + check)
                .params(params).update() == 1;
    }

    void updateCarer(PatientId patient, Carer carer) {
        jdbc.sql("""
                update carer set name = ?, relationship = ?, phone = ?, has_parental_responsibility = ?
                where id = ? and patient_id = ?""")
                .params(carer.name(), carer.relationship(), carer.phone(), carer.hasParentalResponsibility(),
                        carer.id().value(), patient.value())
                .update();
    }

    void insertChanges(PatientId patient, List<PatientChange> changes) {
        for (PatientChange c : changes) {
            jdbc.sql("""
                    insert into patient_change (patient_id, changed_at, username, display_name, organisation_name,
                        section, field, old_value, new_value, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(patient.value(), Timestamp.from(c.changedAt()), c.username(), c.displayName(),
                            c.organisationName(), c.section().name(), c.field(), c.oldValue(), c.newValue(), c.reason())
                    .update();
        }
    }

    /** The history of corrections, newest first. */
    List<PatientChange> changes(PatientId patient) {
        return jdbc.sql("select * from patient_change where patient_id = ? order by id desc").param(patient.value())
                .query((rs, row) -> new PatientChange(rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("username"), rs.getString("display_name"), rs.getString("organisation_name"),
                        ChangeSection.valueOf(rs.getString("section")), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason")))
                .list();
    }

    /** Why the organisation is in the patient's care team, if it is. */
    Optional<CareTeamBasis> careTeamBasis(PatientId patient, OrganisationId organisation) {
        return jdbc.sql("select basis from patient_care_team where patient_id = ? and organisation_id = ?")
                .params(patient.value(), organisation.value())
                .query((rs, row) -> CareTeamBasis.valueOf(rs.getString(1))).optional();
    }

    List<HomeLocation> homeLocations(Collection<PatientId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.stream().map(PatientId::value).toArray(UUID[]::new);
        return jdbc.sql("""
                select id, latitude, longitude from patient
                where id = any(?) and latitude is not null and longitude is not null""")
                .param(array)
                .query((rs, row) -> new HomeLocation(new PatientId(rs.getObject("id", UUID.class)),
                        rs.getDouble("latitude"), rs.getDouble("longitude")))
                .list();
    }

    List<VisitAddress> visitAddresses(Collection<PatientId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.stream().map(PatientId::value).toArray(UUID[]::new);
        return jdbc.sql("select id, address_line1, postcode from patient where id = any(?)").param(array)
                .query((rs, row) -> new VisitAddress(new PatientId(rs.getObject("id", UUID.class)),
                        rs.getString("address_line1"), rs.getString("postcode"))).list();
    }

    List<PatientSummary> summaries(Collection<PatientId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.stream().map(PatientId::value).toArray(UUID[]::new);
        return jdbc.sql("select * from patient where id = any(?)").param(array)
                .query((rs, row) -> summary(rs)).list();
    }

    /**
     * Those of {@code ids} whose care team holds the organisation, with their summaries, in one statement: what {@link
     * #visibleAmong} then {@link #summaries} read in two (the observation ingest's writer asks it once a group).
     */
    List<PatientSummary> summariesInCareOf(Collection<PatientId> ids, OrganisationId organisation) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.stream().map(PatientId::value).distinct().toArray(UUID[]::new);
        return jdbc.sql("""
                select p.* from patient p where p.id = any(?) and exists (select 1 from patient_care_team t
                    where t.patient_id = p.id and t.organisation_id = ?)""")
                .params(array, organisation.value())
                .query((rs, row) -> summary(rs)).list();
    }

    /** The names, as lists show them, of those of {@code ids} in the organisation's care. */
    java.util.Map<PatientId, String> namesInCareOf(Collection<PatientId> ids, OrganisationId organisation) {
        java.util.Map<PatientId, String> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                select p.id, p.family_name, p.given_name from patient p where p.id = any(?) and exists (
                    select 1 from patient_care_team t where t.patient_id = p.id and t.organisation_id = ?)""")
                .params(ids.stream().map(PatientId::value).distinct().toArray(UUID[]::new), organisation.value())
                .query(rs -> {
                    names.put(new PatientId(rs.getObject("id", UUID.class)),
                            PatientSummary.displayName(rs.getString("family_name"), rs.getString("given_name")));
                });
        return names;
    }

    void insertCarer(PatientId patient, Carer carer, Instant createdAt) {
        jdbc.sql("""
                insert into carer (id, patient_id, name, relationship, phone, has_parental_responsibility, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(carer.id().value(), patient.value(), carer.name(), carer.relationship(), carer.phone(),
                        carer.hasParentalResponsibility(), Timestamp.from(createdAt))
                .update();
    }

    List<Carer> carers(PatientId patient) {
        return jdbc.sql("select * from carer where patient_id = ? order by created_at, name").param(patient.value())
                .query((rs, row) -> new Carer(new CarerId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("relationship"), rs.getString("phone"),
                        rs.getBoolean("has_parental_responsibility"))).list();
    }

    List<OrganisationId> careTeam(PatientId patient) {
        return jdbc.sql("select organisation_id from patient_care_team where patient_id = ? order by added_at")
                .param(patient.value())
                .query((rs, row) -> new OrganisationId(rs.getObject(1, UUID.class))).list();
    }

    /** Adds the organisation unless it is already in the team (then its first reason stands); true if added. */
    boolean addToCareTeam(PatientId patient, OrganisationId organisation, Instant at, CareTeamBasis basis,
            String reason, String addedBy) {
        return jdbc.sql("""
                insert into patient_care_team (patient_id, organisation_id, added_at, basis, reason, added_by)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(patient.value(), organisation.value(), Timestamp.from(at), basis.name(), reason, addedBy)
                .update() == 1;
    }

    boolean removeFromCareTeam(PatientId patient, OrganisationId organisation) {
        return jdbc.sql("delete from patient_care_team where patient_id = ? and organisation_id = ?")
                .params(patient.value(), organisation.value()).update() == 1;
    }

    record CareTeamRow(OrganisationId organisationId, CareTeamBasis basis, String reason, Instant since,
            String addedBy) {
    }

    List<CareTeamRow> careTeamRows(PatientId patient) {
        return jdbc.sql("""
                select organisation_id, basis, reason, added_at, added_by from patient_care_team
                where patient_id = ? order by added_at, organisation_id""")
                .param(patient.value())
                .query((rs, row) -> new CareTeamRow(new OrganisationId(rs.getObject(1, UUID.class)),
                        CareTeamBasis.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    void insertBreakGlass(UUID id, PatientId patient, org.homeward.security.CurrentUser user,
            BreakGlassRelationship relationship, String reason, Instant openedAt, Instant expiresAt) {
        jdbc.sql("""
                insert into break_glass (id, patient_id, user_id, username, display_name, organisation_id,
                    organisation_name, relationship, reason, opened_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), user.id().value(), user.username(), user.displayName(),
                        user.organisationId().value(), user.organisationName(), relationship.name(), reason,
                        Timestamp.from(openedAt), Timestamp.from(expiresAt))
                .update();
    }

    /** The user's break-glass opening of this record in force at {@code now}, if any (the latest to expire). */
    Optional<BreakGlassAccess> activeBreakGlass(org.homeward.shared.UserId user, PatientId patient, Instant now) {
        return jdbc.sql(BREAK_GLASS_SELECT + """
                where b.user_id = ? and b.patient_id = ? and b.opened_at <= ? and b.expires_at > ?
                order by b.expires_at desc limit 1""")
                .params(user.value(), patient.value(), Timestamp.from(now), Timestamp.from(now))
                .query(PatientRepository::breakGlass).optional();
    }

    /**
     * Break-glass openings a governance lead oversees: by their organisation's staff, or of patients in their
     * organisation's care; newest first.
     */
    List<BreakGlassAccess> breakGlassSeenBy(OrganisationId organisation, int limit) {
        return jdbc.sql(BREAK_GLASS_SELECT + """
                where b.organisation_id = ?
                   or exists (select 1 from patient_care_team t where t.patient_id = b.patient_id and t.organisation_id = ?)
                order by b.opened_at desc limit ?""")
                .params(organisation.value(), organisation.value(), limit)
                .query(PatientRepository::breakGlass).list();
    }

    private static final String BREAK_GLASS_SELECT = """
            select b.*, p.nhs_number, p.given_name, p.family_name from break_glass b join patient p on p.id = b.patient_id
            """;

    private static BreakGlassAccess breakGlass(ResultSet rs, int row) throws SQLException {
        return new BreakGlassAccess(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                new NhsNumber(rs.getString("nhs_number")),
                rs.getString("family_name").toUpperCase() + ", " + rs.getString("given_name"),
                rs.getString("username"), rs.getString("display_name"), rs.getString("organisation_name"),
                BreakGlassRelationship.valueOf(rs.getString("relationship")), rs.getString("reason"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }

    boolean inCareTeam(PatientId patient, OrganisationId organisation) {
        return jdbc.sql("select exists (select 1 from patient_care_team where patient_id = ? and organisation_id = ?)")
                .params(patient.value(), organisation.value()).query(Boolean.class).single();
    }

    List<PatientId> visibleAmong(Collection<PatientId> ids, OrganisationId organisation) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.stream().map(PatientId::value).toArray(UUID[]::new);
        return jdbc.sql("select patient_id from patient_care_team where organisation_id = ? and patient_id = any(?)")
                .params(organisation.value(), array)
                .query((rs, row) -> new PatientId(rs.getObject(1, UUID.class))).list();
    }

    private static PatientSummary summary(ResultSet rs) throws SQLException {
        return new PatientSummary(new PatientId(rs.getObject("id", UUID.class)), new NhsNumber(rs.getString("nhs_number")),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("date_of_birth", java.time.LocalDate.class),
                Sex.valueOf(rs.getString("sex")), rs.getString("postcode"));
    }

    private static PatientRecord record(ResultSet rs, List<Carer> carers, List<OrganisationId> careTeam)
            throws SQLException {
        return new PatientRecord(summary(rs), EthnicCategory.fromCode(rs.getString("ethnic_category")),
                rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("town"),
                rs.getString("postcode"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                rs.getString("phone"), rs.getString("gp_practice_code"), rs.getString("gp_practice_name"), carers,
                careTeam, rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    /** Where a merged record went, as the retired record keeps it. */
    record Merged(PatientId into, String intoNhsNumber, Instant at, String by, String source) {
    }

    /** The record this one was merged into, if it was. */
    Optional<Merged> mergedInto(PatientId id) {
        return jdbc.sql("""
                select p.merged_into, s.nhs_number, p.merged_at, p.merged_by, p.merge_source from patient p
                join patient s on s.id = p.merged_into where p.id = ?""")
                .param(id.value())
                .query((rs, row) -> new Merged(new PatientId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /**
     * Locks both records for the merge, in id order (two merges of the same pair, either way round, cannot deadlock);
     * false when either is not registered.
     */
    boolean lockForMerge(PatientId a, PatientId b) {
        return jdbc.sql("select id from patient where id in (?, ?) order by id for update")
                .params(a.value(), b.value()).query(UUID.class).list().size() == 2;
    }

    void markMerged(PatientId retired, PatientId survivor, Instant at, String by, String source) {
        jdbc.sql("""
                update patient set merged_into = ?, merged_at = ?, merged_by = ?, merge_source = ?,
                    version = version + 1 where id = ? and merged_into is null""")
                .params(survivor.value(), Timestamp.from(at), by, source, retired.value()).update();
    }

    /** The retired record's carers and parents move to the survivor (the same person's carers). */
    int moveCarers(PatientId retired, PatientId survivor) {
        return jdbc.sql("update carer set patient_id = ? where patient_id = ?")
                .params(survivor.value(), retired.value()).update();
    }

    /**
     * The organisations caring for the retired record join the survivor's care team with the basis they had, so
     * everyone who could see the history still can; an organisation already in the survivor's team keeps its own
     * basis there. The retired record keeps its care team, so those organisations are told where it went.
     */
    int shareCareTeam(PatientId retired, PatientId survivor) {
        return jdbc.sql("""
                insert into patient_care_team (patient_id, organisation_id, added_at, basis, reason, added_by)
                select ?, organisation_id, added_at, basis, reason, added_by from patient_care_team where patient_id = ?
                on conflict do nothing""")
                .params(survivor.value(), retired.value()).update();
    }

    /** Upper case with one space before the inward code: "dt12jy" becomes "DT1 2JY". */
    static String normalisePostcode(String raw) {
        String compact = raw.replaceAll("\\s", "").toUpperCase();
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
