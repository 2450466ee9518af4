package org.homeward.medication;

import java.util.List;
import java.util.UUID;

/** A grab bag with its contents, its movements (newest first), its checks and its seal's history. */
public record GrabBag(UUID id, String label, String keptAt, String sealNumber, boolean sealed,
        String organisationName, List<GrabBagItem> items, List<StockMovement> movements, List<GrabBagCheck> checks,
        List<SealEvent> seals) {

    /** The items expired or expiring within 30 days. */
    public List<GrabBagItem> warnings() {
        return items.stream().filter(i -> i.expiryStatus().warning() && i.quantity().signum() > 0).toList();
    }
}
