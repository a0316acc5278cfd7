/**
 * The goals as plain code. Edge's release flow on its client: {@code Release} (upload, publish, await),
 * {@code Status}, {@code DryRun} and {@code NetworkSettings} (which builds Edge's {@code ClientSettings}) drive
 * {@code edge.EdgeAddonsClient} and word Edge's verdicts with {@code edge.EdgeHints}. What any store's release
 * needs is store-neutral here too: {@code StepResult} and {@code ResultWriter} (result.json and the step
 * summary, from a {@code core.Failure}), {@code ServerCredentials}, {@code Notes}, {@code VersionCheck}. Another
 * store brings its own flow beside Edge's, on the same core and the same result files.
 */
package io.github.edgeaddons.release;
