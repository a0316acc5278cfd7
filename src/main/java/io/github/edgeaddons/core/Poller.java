package io.github.edgeaddons.core;




import io.github.edgeaddons.config.Plurals;
import io.github.edgeaddons.config.Text;
import io.github.edgeaddons.config.Durations;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The poll loop: follows one accepted operation (upload or publish) until the store gives a definite answer
 * or {@code edge.timeout} passes. When to ask comes from the {@link PollPolicy}; what ends the wait and how
 * long to back off from the retry rules ({@link RetryPolicy}, part 2). In short:
 * <ul>
 *   <li>{@code Succeeded}, {@code Failed} and a stopped operation ({@code Cancelled}, ...) end the wait and are
 *       returned, not thrown, so the caller words them;
 *   <li>401, 403, a non-HTML 404, a redirect or another 4xx end it with the store's answer in words;
 *   <li>everything else (429, 5xx, an HTML 404 page, a 200 that is no status, connection failures, read
 *       timeouts; under API v1 also the token endpoint's bad moments when the token is fetched again) is
 *       warned about once per streak, and the wait goes on with backoff; a 429 without {@code Retry-After}
 *       slows the rest of the wait;
 *   <li>about every 30 s a line says the state, the time waited and the time left, so a CI log never sits
 *       silent;
 *   <li>at {@code edge.timeout} the wait fails naming the operation (the release layer adds how to resume).
 * </ul>
 * Each status request is sent once ({@link Transport.Call#singleAttempt()}): retrying is this loop's job.
 * Time comes from the settings' {@link Clock} and {@link Sleeper}, so tests and the benchmark can run it
 * on a simulated clock.
 */
public final class Poller {
    static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final StoreSettings settings;
    private final StatusSource client;

    public Poller(StoreSettings settings, StatusSource client) {
        this.settings = settings;
        this.client = client;
    }

    /**
     * @param acceptedAt when the store accepted the operation (its 202): the schedule counts from there
     * @return the terminal status (Succeeded, Failed or stopped)
     * @throws StoreException on a definite error answer, or with kind TIMEOUT when the deadline passes
     */
    public OperationStatus await(OperationKind kind, String operationId, Instant acceptedAt, Deadline deadline)
            throws StoreException {
        return new Wait(kind, operationId, acceptedAt, deadline).run();
    }

    /** The state of one wait. */
    private final class Wait {
        final OperationKind kind;
        final String operationId;
        final Instant acceptedAt;
        final Deadline deadline;
        final Clock clock = settings.clock();
        final PollPolicy policy = settings.pollPolicy();
        final RetryPolicy retry = settings.retryPolicy();
        final Reporter reporter = settings.reporter();
        /** How the user names the goal's time limit ({@code edge.timeout} in Maven). */
        final String timeoutSetting = settings.resume().vocabulary().setting(Vocabulary.Setting.TIMEOUT);

        int polls;
        int failuresInARow;
        int throttle = 1;
        boolean answered;
        OperationStatus last;
        String lastProblem;
        String unknownWordWarned;
        Instant nextHeartbeat;
        Duration retryAfter;

        Wait(OperationKind kind, String operationId, Instant acceptedAt, Deadline deadline) {
            this.kind = kind;
            this.operationId = operationId;
            this.acceptedAt = acceptedAt;
            this.deadline = deadline;
            this.nextHeartbeat = clock.instant().plus(HEARTBEAT);
        }

        OperationStatus run() throws StoreException {
            Duration delay = policy.delayBefore(1, Duration.ZERO, Duration.ZERO);
            Instant next = acceptedAt.plus(delay);
            Instant previousStart = null;
            while (true) {
                Instant end = clock.instant().plus(deadline.remaining());
                boolean atEnd = !next.isBefore(end);
                sleepUntil(atEnd ? end : next);
                if (atEnd || deadline.passed()) {
                    // one last look at the deadline itself, so an operation ending just then is not reported
                    // late, unless it would come too soon after the previous request
                    if (previousStart == null
                            || !Duration.between(previousStart, clock.instant()).minus(minGap()).isNegative()) {
                        OperationStatus s = lastLook();
                        if (s != null) {
                            return s;
                        }
                    }
                    throw timeout(null);
                }
                Instant start = clock.instant();
                previousStart = start;
                polls++;
                retryAfter = null;
                String problem = pollOnce();
                if (problem == null && this.last != null && this.last.state().isTerminal()) {
                    reporter.debug(kind.label() + " operation " + operationId + " ended " + this.last.rawStatus()
                            + " after " + Plurals.count(polls, "status request"));
                    return this.last;
                }
                delay = policy.delayBefore(polls + 1, delay, Duration.between(acceptedAt, start));
                Duration gap = delay.multipliedBy(throttle);
                if (problem != null) {
                    failuresInARow++;
                    Duration backoff = retry.backoff(failuresInARow, null);
                    gap = longer(gap, backoff);
                }
                if (retryAfter != null) {
                    gap = longer(gap, retryAfter);
                }
                next = start.plus(gap);
                if (problem != null) {
                    report(problem, gap);
                } else if (failuresInARow > 0) {
                    reporter.info("The store answers again about " + kind.label() + " operation " + operationId
                            + " (after " + failuresInARow + " status request" + (failuresInARow == 1 ? "" : "s")
                            + " without a status).");
                    failuresInARow = 0;
                    lastProblem = null;
                }
            }
        }

        /** One status request; null when a status was read (in {@link #last}), else what went wrong. */
        private String pollOnce() throws StoreException {
            Transport.Response r;
            try {
                r = client.statusAnswer(kind, operationId, deadline);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.TIMEOUT) {
                    throw timeout(e); // the deadline passed during the request
                }
                Throwable cause = e.getCause();
                IOException network = e.kind() == StoreException.Kind.NETWORK && cause instanceof IOException
                        ? (IOException) cause : null;
                RetryPolicy.Safety safety = RetryPolicy.Safety.REPEATABLE;
                if (e.fromTokenEndpoint()) {
                    // the token was fetched again (it expired, or the store answered 401)
                    // the token URL is known to work once it issued a token in this build (for the upload or
                    // publish request before this wait, or an earlier goal), even before the wait's first answer
                    RetryPolicy.Outcome token = network != null ? RetryPolicy.Outcome.failure(safety, network)
                            : RetryPolicy.Outcome.answer(safety, e.httpStatus(), null, null);
                    if (retry.decide(token.duringWait(true, answered || client.tokenIssuedBefore())).action()
                            == RetryPolicy.Action.FAIL) {
                        throw withOperation(e);
                    }
                    return "Could not get a new access token to read the status of " + kind.label() + " operation "
                            + operationId + ". " + e.whatHappened();
                }
                if (network == null || retry.decide(RetryPolicy.Outcome.failure(safety, network)
                        .duringWait(false, answered)).action() == RetryPolicy.Action.FAIL) {
                    throw withOperation(e);
                }
                return "Could not reach the store to read the status of " + kind.label() + " operation "
                        + operationId + ": " + Transport.describe(network) + ".";
            }
            answered = true;
            retryAfter = Transport.retryAfter(r.header("Retry-After"), clock.instant());
            RetryPolicy.Decision d = retry.decide(RetryPolicy.Outcome.answer(RetryPolicy.Safety.REPEATABLE, r.status,
                    r.header("Content-Type"), retryAfter).duringWait(false, true));
            switch (d.action()) {
                case RETURN:
                    try {
                        last = client.parseStatus(kind, operationId, r);
                    } catch (StoreException unreadable) {
                        return unreadable.getMessage();
                    }
                    if (last.state() == OperationState.UNKNOWN && !last.rawStatus().equals(unknownWordWarned)) {
                        unknownWordWarned = last.rawStatus();
                        reporter.warn(Hints.unknownStatusWord(kind, operationId, last.rawStatus(),
                                deadline.remaining(), settings));
                    }
                    return null;
                case REPEAT:
                    if (r.status == 429 && retryAfter == null) {
                        throttle = RetryPolicy.throttled(throttle);
                    }
                    return answerProblem(r);
                default:
                    throw withOperation(client.statusError(kind, operationId, r));
            }
        }

        /** An answer that keeps the wait going, in words: status, reason, the useful part of the body. */
        private String answerProblem(Transport.Response r) {
            StringBuilder m = new StringBuilder(WhatHappened.answered("The store", r.status));
            m.append(" to the status request of ").append(kind.label()).append(" operation ").append(operationId);
            List<String> details = client.errorDetails(r);
            if (!details.isEmpty()) {
                m.append(": ").append(String.join("; ", details));
            }
            String requestId = client.requestId(r);
            if (requestId != null) {
                m.append(" (request id ").append(requestId).append(')');
            }
            m.append('.');
            String why = Hints.duringWait(r.status, retryAfter != null, settings);
            return why == null ? m.toString() : m.append(' ').append(why).toString();
        }

        /** Warns once per streak of failed status requests; the rest go to the debug log and the heartbeat. */
        private void report(String problem, Duration gap) {
            lastProblem = Text.firstLine(problem);
            if (failuresInARow == 1) {
                reporter.warn(problem + System.lineSeparator() + Hints.waitGoesOn(kind, operationId,
                        deadline.remaining(), gap, throttle > 1, settings));
            } else {
                reporter.debug("status request " + polls + " of " + kind.label() + " operation " + operationId
                        + " failed (" + failuresInARow + " in a row): " + lastProblem + "; next in "
                        + Durations.format(gap));
            }
        }

        /**
         * Sleeps until {@code until}, printing the heartbeat line on the way. Each stretch is one call of the
         * sleeper, taken as slept in full (a test's sleeper may only record it).
         */
        private void sleepUntil(Instant until) throws StoreException {
            Instant now = clock.instant();
            while (true) {
                if (!now.isBefore(nextHeartbeat)) {
                    heartbeat();
                    nextHeartbeat = now.plus(HEARTBEAT);
                }
                if (!now.isBefore(until)) {
                    return;
                }
                Instant wake = until.isBefore(nextHeartbeat) ? until : nextHeartbeat;
                try {
                    settings.sleeper().sleep(Duration.between(now, wake));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE)
                            .operation(operationId, last).cause(e), "Interrupted while waiting for "
                            + kind.label() + " operation " + operationId + ".");
                }
                now = wake;
            }
        }

        private void heartbeat() {
            String state = last == null ? "no status yet" : last.rawStatus();
            String trouble = failuresInARow == 0 ? ""
                    : "; the last " + (failuresInARow == 1 ? "status request" : Plurals.count(failuresInARow, "status request"))
                            + " failed (" + lastProblem + ")";
            reporter.waiting("Still waiting for " + kind.label() + " operation " + operationId + ": " + state
                    + ", " + Durations.format(round(Duration.between(acceptedAt, clock.instant()))) + " waited, "
                    + Durations.format(round(deadline.remaining())) + " left of " + timeoutSetting + " ("
                    + Plurals.count(polls, "status request") + trouble + ").");
        }

        /** A last status request at the deadline; its status when terminal, else null. */
        private OperationStatus lastLook() {
            try {
                Transport.Response r = client.statusAnswer(kind, operationId,
                        Deadline.after(Duration.ofSeconds(1), clock));
                polls++;
                if (r.isSuccess()) {
                    OperationStatus s = client.parseStatus(kind, operationId, r);
                    last = s;
                    return s.state().isTerminal() ? s : null;
                }
            } catch (StoreException ignored) {
                // the timeout is reported
            }
            return null;
        }

        private StoreException timeout(Throwable cause) {
            return new StoreException(Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.statusOf(kind))
                    .operation(operationId, last).cause(cause), "Timed out after "
                    + seconds(deadline.budget()) + " (" + timeoutSetting + ") waiting for " + kind.label()
                    + " operation " + operationId + " (" + Plurals.count(polls, "status request") + "; last status: "
                    + (last == null ? "none read" : last.rawStatus())
                    + (failuresInARow > 0 ? "; last answer: " + lastProblem : "") + "). The operation may still"
                    + " finish; if the store is often this slow, raise " + timeoutSetting + ".");
        }

        /** The same failure, naming the operation (the caller says how to resume it). */
        private StoreException withOperation(StoreException e) {
            return e.with(e.failure().operation(operationId, last));
        }

        private Duration minGap() {
            return policy.isAdaptive() ? PollPolicy.MIN_GAP : Duration.ZERO;
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
    }

    private static Duration round(Duration d) {
        return Duration.ofSeconds(d.getSeconds() + (d.getNano() >= 500_000_000 ? 1 : 0));
    }
}
