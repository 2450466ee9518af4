package org.homeward.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which organisations' newest plans of a day have visits to a patient: usually one, the team that visits them. */
@Repository
class PatientPlans {

    private final JdbcClient jdbc;

    PatientPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrganisationId> organisationsPlanning(PatientId patient, LocalDate day) {
        return jdbc.sql("""
                select distinct d.organisation_id from day_plan d
                join planned_visit v on v.plan_id = d.id and v.patient_id = ?
                where d.plan_date = ? and d.version = (select max(n.version) from day_plan n
                    where n.organisation_id = d.organisation_id and n.plan_date = d.plan_date)""")
                .params(patient.value(), java.sql.Date.valueOf(day))
                .query((rs, row) -> new OrganisationId(rs.getObject(1, UUID.class))).list();
    }
}
