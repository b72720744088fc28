package io.fleetlab.core.membership;

import java.util.ArrayList;
import java.util.List;

/** Hands every {@link NodeEvent} to the registered listeners at once; a failing listener is logged. */
final class EventBus {
    private static final System.Logger LOG = System.getLogger(EventBus.class.getName());

    private final List<MembershipEventListener> listeners = new ArrayList<>();

    void add(MembershipEventListener listener) {
        listeners.add(listener);
    }

    void emit(NodeEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "membership event listener failed on " + event, e);
            }
        }
    }
}
