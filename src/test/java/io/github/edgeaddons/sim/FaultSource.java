package io.github.edgeaddons.sim;

/**
 * Decides the fault of each request that no queued or sticky fault of {@link Config} claims; see
 * {@link Config#faultSource(FaultSource)}. Called once per request, in order of arrival, under the
 * config's lock (so one call at a time), on the simulator's handler threads.
 */
@FunctionalInterface
public interface FaultSource {
    /** The fault for the request now arriving on {@code route}, or null to answer it normally. */
    Fault next(Route route);
}
