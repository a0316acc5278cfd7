package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.edgeaddons.maven.MavenVocabulary;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The "what to do" sentences any store shares ({@link Hints}), pinned: one golden test per hint, in Maven's words
 * (the only place besides the ITs and the fault campaign where a sentence is compared; every other test asserts
 * the facts of a {@link Failure}). They are asked of a store that is not Edge ({@link TestStore}), named as Edge
 * names itself, so the sentences read as Edge's users see them; Edge's own are pinned by EdgeHintsTest.
 * Rewording a hint changes its golden test here, on purpose.
 */
class HintsTest {
    private static final String NL = System.lineSeparator();

    /** A store with Edge's product id and dashboard, Maven's words, and nothing else of Edge's. */
    static final class TestStore implements StoreSettings {
        static final String HTML_NOT_FOUND = "An HTML 404 page means what this store says it means.";
        private final ResumeCommands resume = MavenVocabulary.commands();

        @Override
        public String productId() {
            return "d34f98f5-f9b7-42b1-bebb-98707202b21d";
        }

        @Override
        public String dashboard() {
            return "Partner Center";
        }

        @Override
        public ProxySettings proxy() {
            return null;
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration responseTimeout() {
            return Duration.ofSeconds(60);
        }

        @Override
        public String userAgent() {
            return "test-store";
        }

        @Override
        public RetryPolicy retryPolicy() {
            return RetryPolicy.DEFAULT;
        }

        @Override
        public PollPolicy pollPolicy() {
            return PollPolicy.adaptive();
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Sleeper sleeper() {
            return Sleeper.REAL;
        }

        @Override
        public Reporter reporter() {
            return Reporter.SILENT;
        }

        @Override
        public ResumeCommands resume() {
            return resume;
        }

        @Override
        public StoreAdvice advice() {
            return () -> HTML_NOT_FOUND;
        }
    }

    private static StoreSettings apiKey() {
        return new TestStore();
    }

    private static Failure answer(Failure.Request request, int status, boolean html) {
        return Failure.of(StoreException.Kind.HTTP, request).answer(status, html);
    }

    /** A publish whose fate is unknown is not repeated; the command publishes the draft. */
    @Test
    void publishMayHaveReachedTheStore() {
        assertEquals("The request may have reached the store, so it was not sent again (a second publish could"
                + " start a duplicate submission). Check the product in Partner Center: if a submission is"
                + " in review, nothing is left to do; otherwise publish again with mvn edge-addons:publish"
                + " -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d -Dedge.requireUpload=false.",
                Hints.publishMayHaveReachedTheStore(apiKey()));
    }

    /** The token endpoint throttles: not a refusal. */
    @Test
    void tokenUnavailableThrottled() {
        assertEquals("The identity provider is throttling token requests; it did not refuse the client ID or"
                + " secret. Wait a few minutes, then run the goal again.",
                Hints.tokenUnavailable(429));
    }

    /** The token endpoint has trouble: not a refusal. */
    @Test
    void tokenUnavailableServerError() {
        assertEquals("The identity provider had a server-side problem; it did not refuse the client ID or"
                + " secret. Run the goal again later.",
                Hints.tokenUnavailable(500));
    }

    /** A redirect is not followed. */
    @Test
    void redirectNotFollowed() {
        assertEquals("It redirects to https://x/; redirects are not followed, so credentials never go to"
                + " another host. Check edge.apiBaseUrl.",
                Hints.redirectNotFollowed(apiKey(), "https://x/"));
    }

    /** A status request about an operation the store does not know. */
    @Test
    void unknownOperation() {
        assertEquals("The store does not know operation op-1 for product d34f98f5-f9b7-42b1-bebb-98707202b21d:"
                + " check edge.operationId (the id printed by upload or publish) and edge.productId.",
                Hints.unknownOperation(apiKey(), "op-1"));
    }

    /** A host name that does not resolve. */
    @Test
    void unknownHost() {
        assertEquals("Check edge.apiBaseUrl (and edge.tokenUrl) and the network or proxy settings.",
                Hints.forNetworkFailure(apiKey(), new java.net.UnknownHostException("h")));
    }

    /** A TLS handshake that failed. */
    @Test
    void untrustedTls() {
        assertEquals("The TLS handshake failed: the server's certificate is not trusted by this JDK. Add the"
                + " certificate of your network's TLS inspection proxy to the JDK trust store"
                + " (javax.net.ssl.trustStore); certificate checks cannot be turned off.",
                Hints.forNetworkFailure(apiKey(), new javax.net.ssl.SSLException("h")));
    }

    /** Any other network failure. */
    @Test
    void networkTrouble() {
        assertEquals("Check the network or proxy settings, then run the goal again.",
                Hints.forNetworkFailure(apiKey(), new java.io.IOException("h")));
    }

    /** A 202 without an operation to follow. */
    @Test
    void acceptedButNotFollowable() {
        assertEquals("Check the product in Partner Center.",
                Hints.acceptedButNotFollowable(apiKey()));
    }

    /** How to look at an accepted upload later. */
    @Test
    void resumeWaitingForAnUpload() {
        assertEquals("Check it later with:"
                + NL + "  mvn edge-addons:status -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.resumeWaiting(OperationKind.UPLOAD, "op-1", apiKey()));
    }

    /** How to resume the wait for an accepted publish. */
    @Test
    void resumeWaitingForAPublish() {
        assertEquals("Resume waiting with:"
                + NL + "  mvn edge-addons:await -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.resumeWaiting(OperationKind.PUBLISH, "op-1", apiKey()));
    }

    /** What the store holds after an accepted upload. */
    @Test
    void acceptedBeforeAnUploadFailure() {
        assertEquals("The store had accepted the upload (operation op-1) before this failure: the package may"
                + " be in the draft already.",
                Hints.acceptedBeforeTheFailure(OperationKind.UPLOAD, "op-1"));
    }

    /** What the store holds after an accepted publish. */
    @Test
    void acceptedBeforeAPublishFailure() {
        assertEquals("The store had accepted the publish (operation op-1) before this failure: do not publish"
                + " again before you know how it ended (a second publish is refused while one is in review).",
                Hints.acceptedBeforeTheFailure(OperationKind.PUBLISH, "op-1"));
    }

    /** A publish failed after this build's upload succeeded. */
    @Test
    void draftUploaded() {
        assertEquals("This build's upload succeeded (operation op-0), so the uploaded draft is in Partner"
                + " Center; the release does not need to upload it again.",
                Hints.draftUploaded("op-0", apiKey()));
    }

    /** How to publish the draft without uploading again. */
    @Test
    void publishDraftAgain() {
        assertEquals("Publish it, without uploading again, with:"
                + NL + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.publishDraftAgain(apiKey()));
    }

    /** A publish that stopped without a verdict. */
    @Test
    void operationStoppedPublish() {
        assertEquals("It will not finish by itself. Check the product in Partner Center (someone may have"
                + " cancelled the submission there), then publish again with mvn edge-addons:publish"
                + " -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d -Dedge.requireUpload=false.",
                Hints.operationStopped(OperationKind.PUBLISH, apiKey()));
    }

    /** An upload that stopped without a verdict. */
    @Test
    void operationStoppedUpload() {
        assertEquals("It will not finish by itself. Check the product in Partner Center (someone may have"
                + " cancelled the submission there), then run the release again.",
                Hints.operationStopped(OperationKind.UPLOAD, apiKey()));
    }

    /** After a failure of the wait on an accepted publish: what the store holds, then the command alone. */
    @Test
    void afterAcceptance() {
        Failure f = Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.PUBLISH_STATUS).operation("op-1", null)
                .acceptedBefore(true);
        assertEquals("The store had accepted the publish (operation op-1) before this failure: do not publish again"
                + " before you know how it ended (a second publish is refused while one is in review)." + NL
                + "Resume waiting with:" + NL
                + "  mvn edge-addons:await -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.afterAcceptance(f, OperationKind.PUBLISH, apiKey()));
    }

    /** status found a Succeeded upload: what comes next. */
    @Test
    void uploadInDraft() {
        assertEquals("The draft in Partner Center holds this upload. Publish it, without uploading again, with:" + NL
                + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.uploadInDraft(apiKey()));
    }

    /** A publish that no await follows: the verdict is not known yet. */
    @Test
    void publishVerdictNotKnown() {
        assertEquals("The store has not said yet whether it created the submission (only the publish operation's"
                + " status says so). Follow it to its verdict with:" + NL
                + "  mvn edge-addons:await -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.publishVerdictNotKnown("op-1", apiKey()));
    }

    /** A status word this plugin does not know, during a wait. */
    @Test
    void unknownStatusWord() {
        assertEquals("The store reports the status 'Paused' for publish operation op-1, a word this plugin does not"
                + " know. It keeps asking until the status is Succeeded or Failed, or until edge.timeout (1m30s left);"
                + " check the product in Partner Center meanwhile.",
                Hints.unknownStatusWord(OperationKind.PUBLISH, "op-1", "Paused", java.time.Duration.ofSeconds(90),
                        apiKey()));
    }

    /** The first failure of a streak during a wait: the wait goes on. */
    @Test
    void waitGoesOn() {
        assertEquals("The store accepted the upload (operation op-1), so the wait goes on until edge.timeout (1m30s"
                + " left): asking again in 4s, and less often from now on.",
                Hints.waitGoesOn(OperationKind.UPLOAD, "op-1", java.time.Duration.ofSeconds(90),
                        java.time.Duration.ofSeconds(4), true, apiKey()));
    }

    /** After a verdict (Failed, stopped) nothing follows: its own advice says what to fix, not to wait again. */
    @Test
    void afterAVerdictNothingFollows() {
        Failure failed = Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.PUBLISH_STATUS)
                .operation("op-1", null).acceptedBefore(true).verdict(Failure.Verdict.FAILED);
        assertEquals(null, Hints.afterAcceptance(failed, OperationKind.PUBLISH, apiKey()));
        assertEquals(null, Hints.afterAcceptance(failed.verdict(Failure.Verdict.STOPPED), OperationKind.UPLOAD,
                apiKey()));
    }

    /** After a failed publish that followed this build's upload: the draft, and the command once. */
    @Test
    void afterUpload() {
        Failure refused = answer(Failure.Request.PUBLISH, 400, false);
        assertEquals("This build's upload succeeded (operation op-0), so the uploaded draft is in Partner Center;"
                + " the release does not need to upload it again." + NL
                + "Publish it, without uploading again, with:" + NL
                + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.afterUpload(refused, "op-0", apiKey()));
        // a publish that may have reached the store printed the command already (publishMayHaveReachedTheStore)
        assertEquals("This build's upload succeeded (operation op-0), so the uploaded draft is in Partner Center;"
                + " the release does not need to upload it again.",
                Hints.afterUpload(answer(Failure.Request.PUBLISH, 502, false).mayHaveReachedStore(true), "op-0",
                        apiKey()));
    }
    /** What an answer that keeps a wait going means, where its status alone does not say. */
    @Test
    void duringWait() {
        assertEquals(TestStore.HTML_NOT_FOUND, Hints.duringWait(404, false, apiKey()));
        assertEquals("The store is throttling requests without saying for how long.",
                Hints.duringWait(429, false, apiKey()));
        assertEquals(null, Hints.duringWait(429, true, apiKey()));
        assertEquals(null, Hints.duringWait(503, false, apiKey()));
    }
}
