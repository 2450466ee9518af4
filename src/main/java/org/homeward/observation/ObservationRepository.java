package org.homeward.observation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Repository;

@Repository
class ObservationRepository {

    private static final String[] PARAMETER_NAMES = java.util.Arrays.stream(ObservationParameter.values())
            .map(Enum::name).toArray(String[]::new);

    private final JdbcTemplate jdbc;

    ObservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A reading to store, with where it came from and who sent it. */
    record Row(IncomingReading reading, ObservationSource source, String receivedBy) {
    }

    /**
     * Inserts the readings with one statement (arrays unnested server-side, far fewer round trips than a JDBC batch);
     * a reading whose client id this submitter already sent, in an earlier batch or earlier in this one, is skipped.
     *
     */
    /**
     * What an insert stored: for each row, whether it was newly stored and, if so, its id.
     */
    record Inserted(boolean[] stored, UUID[] ids) {
    }

    Inserted insertAll(List<Row> rows, Instant receivedAt) {
        int n = rows.size();
        UUID[] uuids = new UUID[n];
        String[] ids = new String[n];
        String[] patients = new String[n];
        String[] clientIds = new String[n];
        String[] devices = new String[n];
        String[] parameters = new String[n];
        Double[] values = new Double[n];
        String[] codes = new String[n];
        String[] recorded = new String[n];
        String[] sources = new String[n];
        String[] senders = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingReading r = rows.get(i).reading();
            uuids[i] = UUID.randomUUID();
            ids[i] = uuids[i].toString();
            patients[i] = r.patientId().toString();
            clientIds[i] = r.id();
            devices[i] = r.deviceId();
            parameters[i] = r.parameter().name();
            values[i] = r.value();
            codes[i] = r.code();
            recorded[i] = r.recordedAt().toString();
            sources[i] = rows.get(i).source().name();
            senders[i] = rows.get(i).receivedBy();
        }
        List<String> storedKeys = jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    insert into observation_reading (id, patient_id, source, client_id, device_id, parameter,
                        numeric_value, code_value, recorded_at, received_at, received_by)
                    select id::uuid, patient::uuid, source, client_id, device_id, parameter, numeric_value, code_value,
                        recorded_at, ?, received_by
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::text[],
                                ?::text[]::timestamptz[], ?::text[], ?::text[])
                        as r(id, patient, client_id, device_id, parameter, numeric_value, code_value, recorded_at,
                             source, received_by)
                    on conflict (received_by, client_id) where client_id is not null do nothing
                    returning received_by, client_id""");
            ps.setTimestamp(1, Timestamp.from(receivedAt));
            ps.setArray(2, connection.createArrayOf("text", ids));
            ps.setArray(3, connection.createArrayOf("text", patients));
            ps.setArray(4, connection.createArrayOf("text", clientIds));
            ps.setArray(5, connection.createArrayOf("text", devices));
            ps.setArray(6, connection.createArrayOf("text", parameters));
            ps.setArray(7, connection.createArrayOf("float8", values));
            ps.setArray(8, connection.createArrayOf("text", codes));
            ps.setArray(9, connection.createArrayOf("text", recorded));
            ps.setArray(10, connection.createArrayOf("text", sources));
            ps.setArray(11, connection.createArrayOf("text", senders));
            return ps;
        }, (rs, row) -> key(rs.getString(1), rs.getString(2)));
        // a client id sent twice by one sender (in one batch, or in two batches committed together) is inserted once:
        // the first occurrence counts as stored
        Set<String> newlyStored = new HashSet<>(storedKeys);
        boolean[] stored = new boolean[n];
        for (int i = 0; i < n; i++) {
            stored[i] = newlyStored.remove(key(senders[i], clientIds[i]));
        }
        return new Inserted(stored, uuids);
    }

    private static String key(String receivedBy, String clientId) {
        return receivedBy + '\n' + clientId;
    }

    /**
     * For each patient, the latest reading of each parameter: one query for all the patients a batch touched, one
     * index probe per patient and parameter (index by patient, parameter, time), however many readings a patient has
     * sent. {@link ObservationSet#assemble} then keeps those within the set window before the newest.
     */
    Map<UUID, List<Reading>> latestPerParameter(Collection<UUID> patients) {
        Map<UUID, List<Reading>> latest = new HashMap<>();
        jdbc.query("""
                select t.patient_id, r.parameter, r.numeric_value, r.code_value, r.recorded_at
                from unnest(?) as t(patient_id)
                cross join unnest(?::text[]) as p(parameter)
                cross join lateral (select parameter, numeric_value, code_value, recorded_at from observation_reading o
                                    where o.patient_id = t.patient_id and o.parameter = p.parameter
                                    order by o.recorded_at desc limit 1) as r""",
                (RowCallbackHandler) rs -> latest.computeIfAbsent(rs.getObject(1, UUID.class),
                        id -> new ArrayList<>()).add(reading(rs)),
                patients.toArray(UUID[]::new), PARAMETER_NAMES);
        return latest;
    }

    /** A patient at a moment: whose set, as it stood when. */
    record PatientAt(UUID patient, Instant at) {
    }

    /**
     * For each patient at each moment, the latest reading of each parameter taken at or before that moment: one query
     * for them all, one index probe per patient, moment and parameter (the late sets of a batch, which before cost one
     * query per patient returning every reading of the window). {@link ObservationSet#assemble} then keeps those within
     * the set window before the newest, as for the current set.
     */
    Map<PatientAt, List<Reading>> latestPerParameterAt(Collection<PatientAt> moments) {
        Map<PatientAt, List<Reading>> latest = new HashMap<>();
        if (moments.isEmpty()) {
            return latest;
        }
        List<PatientAt> ordered = List.copyOf(moments);
        UUID[] patients = ordered.stream().map(PatientAt::patient).toArray(UUID[]::new);
        String[] times = ordered.stream().map(m -> m.at().toString()).toArray(String[]::new);
        // rows are matched to their moment by position: the database keeps time to the microsecond, a moment may not
        jdbc.query("""
                select t.n, r.parameter, r.numeric_value, r.code_value, r.recorded_at
                from unnest(?::uuid[], ?::text[]::timestamptz[]) with ordinality as t(patient_id, at, n)
                cross join unnest(?::text[]) as p(parameter)
                cross join lateral (select parameter, numeric_value, code_value, recorded_at from observation_reading o
                                    where o.patient_id = t.patient_id and o.parameter = p.parameter
                                      and o.recorded_at <= t.at
                                    order by o.recorded_at desc limit 1) as r""",
                (RowCallbackHandler) rs -> latest.computeIfAbsent(ordered.get(rs.getInt(1) - 1),
                        key -> new ArrayList<>()).add(reading(rs)),
                patients, times, PARAMETER_NAMES);
        return latest;
    }

    /**
     * Takes the scoring locks of all these patients, in ascending patient-id order, held until the transaction ends.
     * One fixed order for every transaction means concurrent batches for overlapping patients queue, never deadlock.
     * PostgreSQL evaluates a volatile function in the select list after the sort (since 9.6), so the order holds.
     */
    void lockPatientsForScoring(Collection<UUID> patients) {
        jdbc.query("""
                select pg_advisory_xact_lock(hashtextextended('observation:' || p::text, 0))
                from unnest(?) as p order by p""",
                (RowCallbackHandler) rs -> { },
                (Object) patients.toArray(UUID[]::new));
    }

    /** The patient's readings recorded from {@code from} to {@code to}, both included, oldest first. */
    List<Reading> readingsBetween(UUID patient, Instant from, Instant to) {
        return jdbc.query("""
                select parameter, numeric_value, code_value, recorded_at from observation_reading
                where patient_id = ? and recorded_at between ? and ? order by recorded_at""",
                (rs, row) -> reading(rs), patient, Timestamp.from(from), Timestamp.from(to));
    }

    /** The stored id of each of these client ids this submitter has sent. */
    Map<String, UUID> idsByClientId(String receivedBy, Collection<String> clientIds) {
        Map<String, UUID> ids = new HashMap<>();
        if (clientIds.isEmpty()) {
            return ids;
        }
        jdbc.query("""
                select client_id, id from observation_reading
                where received_by = ? and client_id = any (?)""",
                (RowCallbackHandler) rs -> ids.put(rs.getString(1), rs.getObject(2, UUID.class)),
                receivedBy, clientIds.toArray(String[]::new));
        return ids;
    }

    java.util.Optional<StoredReading> stored(UUID id) {
        return jdbc.query("""
                select id, patient_id, parameter, numeric_value, code_value, recorded_at, source, device_id, client_id
                from observation_reading where id = ?""", (rs, row) -> storedReading(rs), id).stream().findFirst();
    }

    /** The patient's readings of these parameters recorded from {@code from} to {@code to}, newest first. */
    List<StoredReading> storedBetween(UUID patient, Collection<ObservationParameter> parameters, Instant from,
            Instant to) {
        return jdbc.query("""
                select id, patient_id, parameter, numeric_value, code_value, recorded_at, source, device_id, client_id
                from observation_reading
                where patient_id = ? and parameter = any (?) and recorded_at between ? and ?
                order by recorded_at desc, parameter""", (rs, row) -> storedReading(rs), patient,
                parameters.stream().map(Enum::name).toArray(String[]::new), Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * The newest {@code limit} of the patient's readings of these parameters recorded from {@code from} to {@code to}
     * and every other one taken at the same time as the last of them (a caller that orders equal times otherwise,
     * e.g. by the code's text, still finds its first {@code limit} among them), newest first, then by parameter (as
     * {@link #storedBetween}), then by id. Index probes per parameter (index by patient, parameter, time), however
     * long the history.
     */
    List<StoredReading> newestStored(UUID patient, Collection<ObservationParameter> parameters, Instant from,
            Instant to, int limit) {
        String[] names = names(parameters);
        return jdbc.query("""
                with newest as (
                    select r.recorded_at
                    from unnest(?::text[]) as p(parameter)
                    cross join lateral (select o.recorded_at from observation_reading o
                                        where o.patient_id = ? and o.parameter = p.parameter
                                          and o.recorded_at between ? and ?
                                        order by o.recorded_at desc limit ?) as r
                    order by r.recorded_at desc limit ?)
                select id, patient_id, parameter, numeric_value, code_value, recorded_at, source, device_id, client_id
                from observation_reading
                where patient_id = ? and parameter = any (?)
                  and recorded_at between (select min(recorded_at) from newest) and ?
                order by recorded_at desc, parameter, id""", (rs, row) -> storedReading(rs),
                names, patient, Timestamp.from(from), Timestamp.from(to), limit, limit,
                patient, names, Timestamp.from(to));
    }

    /** How many readings of these parameters the patient has recorded from {@code from} to {@code to}. */
    int countBetween(UUID patient, Collection<ObservationParameter> parameters, Instant from, Instant to) {
        Integer count = jdbc.queryForObject("""
                select count(*) from observation_reading
                where patient_id = ? and parameter = any (?) and recorded_at between ? and ?""", Integer.class,
                patient, names(parameters), Timestamp.from(from), Timestamp.from(to));
        return count == null ? 0 : count;
    }

    /**
     * The newest {@code limit} distinct times at which the patient has a reading (of any parameter) recorded from
     * {@code from} to {@code to}, newest first: the moments a chart scores. One index probe per parameter.
     */
    List<Instant> newestMoments(UUID patient, Instant from, Instant to, int limit) {
        return jdbc.query("""
                select distinct m.recorded_at
                from unnest(?::text[]) as p(parameter)
                cross join lateral (select distinct o.recorded_at from observation_reading o
                                    where o.patient_id = ? and o.parameter = p.parameter
                                      and o.recorded_at between ? and ?
                                    order by o.recorded_at desc limit ?) as m
                order by m.recorded_at desc limit ?""", (rs, row) -> rs.getTimestamp(1).toInstant(),
                PARAMETER_NAMES, patient, Timestamp.from(from), Timestamp.from(to), limit, limit);
    }

    private static String[] names(Collection<ObservationParameter> parameters) {
        return parameters.stream().map(Enum::name).toArray(String[]::new);
    }

    private static StoredReading storedReading(ResultSet rs) throws SQLException {
        return new StoredReading(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                ObservationParameter.valueOf(rs.getString("parameter")), (Double) rs.getObject("numeric_value"),
                rs.getString("code_value"), rs.getTimestamp("recorded_at").toInstant(),
                ObservationSource.valueOf(rs.getString("source")), rs.getString("device_id"), rs.getString("client_id"));
    }

    /** The patient's readings recorded since {@code from}, oldest first. */
    List<Reading> readingsSince(PatientId patient, Instant from) {
        return jdbc.query("""
                select parameter, numeric_value, code_value, recorded_at from observation_reading
                where patient_id = ? and recorded_at >= ? order by recorded_at""",
                (rs, row) -> reading(rs), patient.value(), Timestamp.from(from));
    }

    private static Reading reading(ResultSet rs) throws SQLException {
        return new Reading(ObservationParameter.valueOf(rs.getString("parameter")),
                (Double) rs.getObject("numeric_value"), rs.getString("code_value"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    /** Holds until the transaction ends; concurrent transactions scoring the same patient wait for each other. */
    void lockPatientForScoring(PatientId patient) {
        lockPatientsForScoring(List.of(patient.value()));
    }
}
