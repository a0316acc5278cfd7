package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.KeyExpiry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code edge.apiKeyExpires} applied before any request: a key that has expired fails the goal, one that
 * expires within {@link KeyExpiry#WARN_DAYS} days is warned about once per build. Both sentences are here.
 */
final class ApiKeyExpiry {
    private ApiKeyExpiry() {}

    /**
     * @param source where the key is, named in the advice
     * @param firstWarning true when this build has not warned yet (asked only when there is something to say)
     */
    static void check(LocalDate expires, Clock clock, CredentialsSource source, Log log, BooleanSupplier firstWarning)
            throws ConfigException {
        switch (KeyExpiry.state(expires, clock)) {
            case EXPIRED:
                throw new ConfigException(expired(expires, source));
            case EXPIRING:
                if (firstWarning.getAsBoolean()) {
                    log.warn(expiring(expires, KeyExpiry.daysLeft(expires, clock), source));
                }
                break;
            default:
                break;
        }
    }

    static String expired(LocalDate expires, CredentialsSource source) {
        return "The API key expired on " + expires + " (edge.apiKeyExpires), so the store would refuse it: nothing"
                + " was sent. " + renew(source) + ".";
    }

    static String expiring(LocalDate expires, long daysLeft, CredentialsSource source) {
        String when = daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days";
        return "The API key expires on " + expires + " (edge.apiKeyExpires), " + when + ". " + renew(source)
                + " before then.";
    }

    private static String renew(CredentialsSource source) {
        return "Create a new API key in Partner Center (Microsoft Edge > Publish API), put it in "
                + source.secretPlace(MavenVocabulary.INSTANCE) + " and set edge.apiKeyExpires to the new key's expiry date";
    }
}
