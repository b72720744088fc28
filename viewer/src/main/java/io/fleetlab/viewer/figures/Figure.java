package io.fleetlab.viewer.figures;

import java.util.Locale;

/** The figures the viewer shows and the export writes, one PNG file each. */
public enum Figure {
    RING,
    MEMBERSHIP,
    REDISTRIBUTION,
    AGREEMENT,
    LOAD,
    PEERS,
    PROTOCOL;

    /** The PNG file name, e.g. {@code redistribution.png}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".png";
    }
}
