package io.github.edgeaddons.release;

import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one goal did, for {@code target/edge-addons/result.json} and the CI step summary. */
public final class StepResult {
    /** The outcome words written to result.json. */
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String TIMED_OUT = "TimedOut";
    public static final String ERROR = "Error";
    public static final String DRY_RUN = "DryRun";
    /** A publish the store refused for a review in progress, under {@code edge.inReview=skip}: not published. */
    public static final String NOT_PUBLISHED_IN_REVIEW = "NotPublishedInReview";
    /** The store already has this release (Edge's NoModulesUpdated, an existing version): not an error. */
    public static final String ALREADY_RELEASED = "AlreadyReleased";
    /** A store's release skipped on purpose (a review in progress under a skip setting): not an error. */
    public static final String SKIPPED = "Skipped";

    /** The store the step talked to: {@code edge}, {@code chrome} or {@code firefox}. */
    final String store;
    final String goal;
    final Instant startedAt;
    Instant finishedAt;
    String operationId;
    String status;
    String errorCode;
    String message;
    List<String> errors = new ArrayList<>();
    String submissionId;
    Integer httpStatus;

    /** A step of Edge's release (the goals upload, publish, await, status). */
    public StepResult(String goal, Instant startedAt) {
        this("edge", goal, startedAt);
    }

    /**
     * A step of a store's release.
     *
     * @param store {@code edge}, {@code chrome} or {@code firefox}
     * @param goal the step's name in result.json (a goal's name, or a step of a store's release such as
     *     {@code chrome-upload})
     */
    public StepResult(String store, String goal, Instant startedAt) {
        this.store = store;
        this.goal = goal;
        this.startedAt = startedAt;
    }

    public StepResult operationId(String id) {
        this.operationId = id;
        return this;
    }

    /** Records a finished operation (Succeeded here; failures come through {@link #failed}). */
    public StepResult finished(OperationStatus s) {
        this.operationId = s.operationId();
        this.status = SUCCEEDED;
        this.errorCode = s.errorCode();
        this.message = s.message();
        this.errors = new ArrayList<>(s.errors());
        this.submissionId = Release.submissionId(s.message());
        return this;
    }

    /** A publish Failed for a review in progress that the build let pass ({@code edge.inReview=skip}). */
    public StepResult notPublishedInReview(OperationStatus s) {
        this.operationId = s.operationId();
        this.status = NOT_PUBLISHED_IN_REVIEW;
        this.errorCode = s.errorCode();
        this.message = s.message();
        this.errors = new ArrayList<>(s.errors());
        return this;
    }

    /** The store already has this release: its words, not an error. */
    public StepResult alreadyReleased(OperationStatus s) {
        this.operationId = s.operationId();
        this.status = ALREADY_RELEASED;
        this.errorCode = s.errorCode();
        this.message = s.message();
        this.errors = new ArrayList<>(s.errors());
        return this;
    }

    /** The store already has this release, in the store's words (a store without operations). */
    public StepResult alreadyReleased(String storeWords) {
        this.status = ALREADY_RELEASED;
        this.message = storeWords;
        return this;
    }

    /** Not released, on purpose, and why. */
    public StepResult skipped(String why) {
        this.status = SKIPPED;
        this.message = why;
        return this;
    }

    public StepResult succeeded(String message) {
        this.status = SUCCEEDED;
        this.message = message;
        return this;
    }

    public StepResult dryRun() {
        this.status = DRY_RUN;
        return this;
    }

    /** Records why the goal failed. */
    public StepResult failed(Exception e) {
        if (e instanceof StoreException) {
            Failure f = ((StoreException) e).failure();
            this.status = f.kind() == StoreException.Kind.TIMEOUT ? TIMED_OUT : f.hasVerdict() ? FAILED : ERROR;
            if (f.operationId() != null) {
                this.operationId = f.operationId();
            }
            if (f.httpStatus() > 0) {
                this.httpStatus = f.httpStatus();
            }
            if (f.hasVerdict()) {
                // the store's own words, not the sentence around them
                this.errorCode = f.errorCode();
                this.message = f.storeMessage();
                this.errors = new ArrayList<>(f.errors());
                return this;
            }
        } else {
            this.status = ERROR;
        }
        this.message = e.getMessage();
        return this;
    }

    public StepResult finish(Instant at) {
        this.finishedAt = at;
        return this;
    }

    public String goal() {
        return goal;
    }

    public String store() {
        return store;
    }

    public String status() {
        return status;
    }
}
