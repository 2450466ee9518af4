package org.homeward.notification;

import org.springframework.stereotype.Component;

/** In the app: the stored message is what the person sees (header count and the notifications page). */
@Component
class InAppChannel implements NotificationChannel {

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(String address, String subject, String body) {
        // stored is shown: nothing leaves the system
    }
}
