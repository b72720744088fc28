package io.fleetlab.app;

import io.fleetlab.core.node.ClusterNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetlab node}: a real cluster member on UDP/TCP; its options are the core's ({@code fleetlab node --help}). */
@Command(name = "node", description = "Runs a real cluster node (gossip on UDP/TCP, peers as JSON over HTTP): fleetlab node --name a --bind 127.0.0.1:7946 --http 127.0.0.1:12345 (--help: its options).")
final class NodeCommand implements Callable<Integer> {
    /** Every argument, in order: options are not parsed here (see {@link Fleetlab#passThrough}). */
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ClusterNode.main(args.toArray(String[]::new));
        return 0;
    }
}
