package io.fleetlab.simulator.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives every node name of a run a small stable id (kept across restarts under the same name). */
public final class NodeRegistry {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int idOf(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    public String name(int id) {
        return names.get(id);
    }

    public int size() {
        return names.size();
    }
}
