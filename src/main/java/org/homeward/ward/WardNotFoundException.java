package org.homeward.ward;

import org.homeward.shared.NotFoundException;
import org.homeward.shared.WardId;

/** No virtual ward with that id. */
public class WardNotFoundException extends NotFoundException {

    private WardNotFoundException(String message) {
        super(message);
    }

    public static WardNotFoundException forId(WardId id) {
        return new WardNotFoundException("No virtual ward with id " + id);
    }
}
