/**
 * Logging that hostile input cannot flood: repeated warnings are counted and summarised at most
 * once per interval instead of written one line per event.
 */
package io.fleetlab.core.log;
