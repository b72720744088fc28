package io.fleetlab.core.node;

import io.fleetlab.core.membership.wire.Keyring;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-reads a {@link KeyringFile} periodically and hands a changed keyring to the node, so keys are
 * rotated by editing the file on every node (memberlist's add key, use key, remove key, one step
 * at a time). A file that no longer reads or checks keeps the keys in use and is logged.
 */
public final class KeyringWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KeyringWatcher.class.getName());

    private final Path file;
    private final Consumer<Keyring> apply;
    private final ScheduledExecutorService timer;
    private Keyring current;
    private String lastError;

    /** Starts watching {@code file}, whose current keys are {@code current}. */
    public KeyringWatcher(Path file, Keyring current, Duration every, Consumer<Keyring> apply) {
        this.file = file;
        this.current = current;
        this.apply = apply;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleetlab-keyring");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the file now and applies it if it changed; returns whether it did. */
    public synchronized boolean check() {
        Keyring next;
        try {
            next = KeyringFile.read(file);
        } catch (IOException | IllegalArgumentException e) {
            String error = String.valueOf(e.getMessage());
            if (!error.equals(lastError)) {
                LOG.log(System.Logger.Level.WARNING, "keyring " + file + " not applied, keeping " + current.size()
                        + " key(s): " + error);
                lastError = error;
            }
            return false;
        }
        lastError = null;
        if (next.equals(current)) {
            return false;
        }
        try {
            apply.accept(next);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "keyring " + file + " not applied: " + e.getMessage());
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "keyring " + file + " applied: " + next.size() + " key(s)");
        current = next;
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
