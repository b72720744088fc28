/** {@code fleetlab owner}: which node scrapes which target, on Alloy's ring, from the operator's own files. */
package io.fleetlab.app.owner;
