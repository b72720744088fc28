/** Many independent runs (seeds, algorithms) in parallel, summarised with means and confidence intervals. */
package io.fleetlab.simulator.sweep;
