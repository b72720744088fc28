/**
 * The node's small status HTTP server: read-only GET endpoints served by a bounded pool of
 * threads, each request under a time limit, so a slow or hostile client cannot freeze it.
 */
package io.fleetlab.core.http;
