package org.homeward.demo;

import org.homeward.shared.OrganisationId;
import org.homeward.ward.CreateWard;

/**
 * One copy of a demo ward in a service loaded several times over for a benchmark: copy 1 is the ward itself, under
 * its plain name; copies 2 and on are further wards of the same kind and size, named with their number (Heart Failure
 * Virtual Ward 2). A bigger service is more wards, never bigger wards.
 *
 * @param ward the kind of ward copied
 * @param copy 1 for the ward itself, 2 and on for its copies
 */
record DemoWardCopy(DemoWard ward, int copy) {

    DemoWardCopy {
        if (copy < 1) {
            throw new IllegalArgumentException("A ward copy is numbered from 1, got " + copy);
        }
    }

    /** The ward's name: the demo ward's own for copy 1, followed by the copy's number for the others. */
    String displayName() {
        return copy == 1 ? ward.displayName() : ward.displayName() + " " + copy;
    }

    /** The command that opens this copy: the demo ward's beds, hours and criteria under this copy's name. */
    CreateWard command(OrganisationId hostId) {
        return ward.command(hostId, displayName());
    }
}
