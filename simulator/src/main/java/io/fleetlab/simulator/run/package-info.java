/** One run of a scenario: the fleet, the timeline of actions, and the metrics it produces. */
package io.fleetlab.simulator.run;
