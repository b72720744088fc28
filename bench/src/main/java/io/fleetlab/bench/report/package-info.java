/** Turns JMH's JSON results into the Markdown table of docs/bench.md. */
package io.fleetlab.bench.report;
