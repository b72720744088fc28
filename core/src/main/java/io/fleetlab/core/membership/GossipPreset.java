package io.fleetlab.core.membership;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The named gossip presets, as scenario files, the node's {@code --preset} flag and reports
 * spell them. This is the one list of them: the scenario validator, the simulator, the real node
 * and the command line all read it.
 */
public enum GossipPreset {
    /** {@link GossipConfig#alloy()}: memberlist LAN as ckit and Alloy override it (the default). */
    ALLOY(GossipConfig::alloy),
    /** {@link GossipConfig#lan()}: memberlist's {@code DefaultLANConfig}. */
    LAN(GossipConfig::lan),
    /** {@link GossipConfig#wan()}: memberlist's {@code DefaultWANConfig}. */
    WAN(GossipConfig::wan);

    /** The preset used when none is named: Alloy's. */
    public static final GossipPreset DEFAULT = ALLOY;

    private final Supplier<GossipConfig> config;

    GossipPreset(Supplier<GossipConfig> config) {
        this.config = config;
    }

    /** The name in files and flags, e.g. {@code alloy}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset's configuration (a new value each call; records are immutable anyway). */
    public GossipConfig config() {
        return config.get();
    }

    /** Every preset name, in declaration order ({@code alloy}, {@code lan}, {@code wan}). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(GossipPreset::id).toList();
    }

    /**
     * The preset called {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static GossipPreset of(String id) {
        for (GossipPreset p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown gossip preset '" + id + "'; expected one of " + ids());
    }

    @Override
    public String toString() {
        return id();
    }
}
