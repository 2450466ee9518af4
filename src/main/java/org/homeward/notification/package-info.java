/**
 * Notification: messages to people by email (SMTP), SMS (GOV.UK Notify) and in the app, all behind
 * {@link org.homeward.notification.NotificationChannel}. Every message is recorded with its delivery (sent, delivered,
 * failed) and attempts; a failed send is retried with backoff and, when it still fails, announced as
 * {@link org.homeward.notification.NotificationFailed} so that whoever sent it escalates: it never vanishes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package org.homeward.notification;
