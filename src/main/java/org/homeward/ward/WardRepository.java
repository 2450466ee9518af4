package org.homeward.ward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.WardId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WardRepository {

    private final JdbcClient jdbc;

    WardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(VirtualWard ward) {
        jdbc.sql("""
                insert into virtual_ward (id, name, pathways, host_organisation_id, bed_capacity, opens_at, closes_at,
                    out_of_hours_contact, out_of_hours_phone, min_age_years, max_age_years, admission_criteria,
                    in_hours_phone)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ward.id().value(), ward.name(),
                        ward.pathways().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        ward.hostOrganisationId().value(), ward.bedCapacity(), ward.opensAt(), ward.closesAt(),
                        ward.outOfHoursContact(), ward.outOfHoursPhone(), ward.minAgeYears(), ward.maxAgeYears(),
                        ward.admissionCriteria(), ward.inHoursPhone())
                .update();
    }

    boolean existsByName(String name) {
        return jdbc.sql("select exists (select 1 from virtual_ward where lower(name) = lower(?))").param(name)
                .query(Boolean.class).single();
    }

    Optional<VirtualWard> find(WardId id) {
        return jdbc.sql("select * from virtual_ward where id = ?").param(id.value())
                .query(WardRepository::ward).optional();
    }

    /** Reads the ward and holds a row lock until the transaction ends, so admissions to it happen one at a time. */
    Optional<VirtualWard> findForUpdate(WardId id) {
        return jdbc.sql("select * from virtual_ward where id = ? for update").param(id.value())
                .query(WardRepository::ward).optional();
    }

    List<VirtualWard> all() {
        return jdbc.sql("select * from virtual_ward order by name").query(WardRepository::ward).list();
    }

    record CareOrganisation(OrganisationId organisationId, WardCareRole role) {
    }

    List<CareOrganisation> careOrganisations(WardId ward) {
        return jdbc.sql("select organisation_id, role from ward_care_organisation where ward_id = ?")
                .param(ward.value())
                .query((rs, row) -> new CareOrganisation(new OrganisationId(rs.getObject(1, UUID.class)),
                        WardCareRole.valueOf(rs.getString(2))))
                .list();
    }

    void replaceCareOrganisations(WardId ward, OrganisationId host, Collection<OrganisationId> visiting) {
        jdbc.sql("delete from ward_care_organisation where ward_id = ?").param(ward.value()).update();
        jdbc.sql("insert into ward_care_organisation (ward_id, organisation_id, role) values (?, ?, 'HOST')")
                .params(ward.value(), host.value()).update();
        for (OrganisationId organisation : visiting) {
            jdbc.sql("insert into ward_care_organisation (ward_id, organisation_id, role) values (?, ?, 'VISITING')")
                    .params(ward.value(), organisation.value()).update();
        }
    }

    private static VirtualWard ward(ResultSet rs, int row) throws SQLException {
        EnumSet<Pathway> pathways = EnumSet.noneOf(Pathway.class);
        Arrays.stream(rs.getString("pathways").split(",")).map(Pathway::valueOf).forEach(pathways::add);
        return new VirtualWard(new WardId(rs.getObject("id", UUID.class)), rs.getString("name"), pathways,
                new OrganisationId(rs.getObject("host_organisation_id", UUID.class)), rs.getInt("bed_capacity"),
                rs.getObject("opens_at", java.time.LocalTime.class), rs.getObject("closes_at", java.time.LocalTime.class),
                rs.getString("out_of_hours_contact"), rs.getString("out_of_hours_phone"), rs.getInt("min_age_years"),
                rs.getInt("max_age_years"), rs.getString("admission_criteria"), rs.getString("in_hours_phone"));
    }
}
