package org.homeward.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NotificationView n) {
        jdbc.sql("""
                insert into notification (id, recipient_id, recipient_name, channel, address, alert_id, subject, body,
                    link, status, attempts, last_error, created_at, next_attempt_at, sent_at, failed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(n.id(), n.recipientId().value(), n.recipientName(), n.channel().name(), n.address(),
                        n.alertId(), n.subject(), n.body(), n.link(), n.status().name(), n.attempts(), n.lastError(),
                        ts(n.createdAt()), ts(n.nextAttemptAt()), ts(n.sentAt()), ts(n.failedAt()))
                .update();
    }

    /** Records an attempt's outcome. */
    void recordAttempt(UUID id, NotificationStatus status, int attempts, String lastError, Instant nextAttemptAt,
            Instant sentAt, Instant failedAt) {
        jdbc.sql("""
                update notification set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,
                    sent_at = coalesce(?, sent_at), failed_at = coalesce(?, failed_at)
                where id = ?""")
                .params(status.name(), attempts, lastError == null ? null : truncate(lastError, 500), ts(nextAttemptAt),
                        ts(sentAt), ts(failedAt), id)
                .update();
    }

    /** A pending message due now, locked; skipped if another node is sending it. */
    Optional<NotificationView> lockDue(UUID id, Instant now) {
        return jdbc.sql("select * from notification where id = ? and status = 'PENDING' and next_attempt_at <= ? for update skip locked")
                .params(id, ts(now)).query(NotificationRepository::notification).optional();
    }

    List<UUID> dueIds(Instant now) {
        return jdbc.sql("select id from notification where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 500")
                .param(ts(now)).query(UUID.class).list();
    }

    List<NotificationView> inAppFor(UserId user, int limit) {
        return jdbc.sql("select * from notification where recipient_id = ? and channel = 'IN_APP' order by created_at desc limit ?")
                .params(user.value(), limit).query(NotificationRepository::notification).list();
    }

    int unreadCount(UserId user) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and channel = 'IN_APP' and read_at is null")
                .param(user.value()).query(Integer.class).single();
    }

    int markAllRead(UserId user, Instant at) {
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and channel = 'IN_APP' and read_at is null")
                .params(ts(at), user.value()).update();
    }

    List<NotificationView> forAlert(UUID alertId) {
        return jdbc.sql("select * from notification where alert_id = ? order by created_at, recipient_name, channel")
                .param(alertId).query(NotificationRepository::notification).list();
    }

    Optional<ContactDetails> contact(UserId user) {
        return jdbc.sql("select email, mobile_phone from notification_contact where user_id = ?").param(user.value())
                .query((rs, row) -> new ContactDetails(rs.getString("email"), rs.getString("mobile_phone"))).optional();
    }

    void saveContact(UserId user, ContactDetails contact) {
        jdbc.sql("""
                insert into notification_contact (user_id, email, mobile_phone) values (?, ?, ?)
                on conflict (user_id) do update set email = excluded.email, mobile_phone = excluded.mobile_phone""")
                .params(user.value(), contact.email(), contact.mobilePhone()).update();
    }

    private static NotificationView notification(ResultSet rs, int row) throws SQLException {
        return new NotificationView(rs.getObject("id", UUID.class), new UserId(rs.getObject("recipient_id", UUID.class)),
                rs.getString("recipient_name"), Channel.valueOf(rs.getString("channel")), rs.getString("address"),
                rs.getObject("alert_id", UUID.class), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
                instant(rs, "failed_at"), instant(rs, "read_at"));
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
