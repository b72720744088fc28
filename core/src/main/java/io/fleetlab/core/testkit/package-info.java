/**
 * Stand-ins for the core's doors to time and network ({@link io.fleetlab.core.time.Scheduler},
 * {@link io.fleetlab.core.transport.Transport}), published once for every module's tests and the
 * benchmarks: {@link io.fleetlab.core.testkit.ManualScheduler} (virtual time advanced by the
 * caller), {@link io.fleetlab.core.testkit.InMemoryNetwork} (seeded latency, loss and cut links
 * between in-memory transports), {@link io.fleetlab.core.testkit.FrozenScheduler} (a stopped
 * clock that drops its tasks) and {@link io.fleetlab.core.testkit.CountingTransport} (counts what
 * is sent, delivers nothing). Nothing in the production path uses them; they hold no state
 * outside their instances and need no test framework.
 */
package io.fleetlab.core.testkit;
