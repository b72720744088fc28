package io.fleetlab.simulator.input;

/** How a target file is written. */
public enum TargetFormat {
    /** By content: {@code .json} files by their top level (list or response object), others as text. */
    AUTO,
    /** A JSON list whose items are label maps ({@code {"__address__": "..."}}) or strings. */
    JSON,
    /** A Prometheus {@code /api/v1/targets} response; see {@link PrometheusLabels} for what is hashed. */
    PROMETHEUS,
    /** UTF-8 text, one string key per line; empty lines and lines starting with {@code #} are skipped. */
    TEXT
}
