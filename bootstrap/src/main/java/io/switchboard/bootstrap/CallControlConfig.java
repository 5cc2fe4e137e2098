package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.adapters.bandwidth.BandwidthSettings;
import io.switchboard.adapters.bandwidth.BandwidthVoiceClient;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.bxml.CallbackUrls;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.verb.Credentials;
import java.net.URI;
import java.util.Optional;

/**
 * Call control as {@code switchboard.bandwidth} configures it: Bandwidth's Voice API when the account id,
 * username and password are given, none (every request fails with {@code NOT_CONFIGURED}) when all three are
 * empty, refused at start when only some are. Callbacks a request leaves without a URL come to
 * {@code <public-url>/voice}, with the webhook's credentials when it has some.
 */
final class CallControlConfig {

    private CallControlConfig() {}

    /** The adapter over {@code settings}, or none. */
    static CallControl callControl(Optional<BandwidthSettings> settings, MeterRegistry registry) {
        return settings.<CallControl>map(api ->
                        new BandwidthVoiceClient(api, new BxmlWriter(CallbackUrls.under(api.callbackBase())), registry))
                .orElse(CallControl.unavailable());
    }

    /** The settings of a service listening on its configured port. */
    static Optional<BandwidthSettings> settings(Config config) {
        return settings(config, SwitchboardConfig.publicUrl(config, config.getInt("switchboard.http.port")));
    }

    /** Whether any of the account id, username and password is given (some but not all is refused at start). */
    static boolean configured(Config config) {
        Config bandwidth = config.getConfig("switchboard.bandwidth");
        return !(bandwidth.getString("account-id").isEmpty()
                && bandwidth.getString("username").isEmpty()
                && bandwidth.getString("password").isEmpty());
    }

    /** The settings of a service Bandwidth reaches at {@code publicUrl}. */
    static Optional<BandwidthSettings> settings(Config config, String publicUrl) {
        if (!configured(config)) {
            return Optional.empty();
        }
        Config bandwidth = config.getConfig("switchboard.bandwidth");
        String accountId = bandwidth.getString("account-id");
        String username = bandwidth.getString("username");
        String password = bandwidth.getString("password");
        Config retry = bandwidth.getConfig("retry");
        String webhookUser = config.getString("switchboard.http.webhook-user");
        String webhookPassword = config.getString("switchboard.http.webhook-password");
        return Optional.of(new BandwidthSettings(
                URI.create(bandwidth.getString("api-url")),
                accountId,
                username,
                password,
                bandwidth.getString("application-id"),
                (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + "/voice",
                webhookUser.isEmpty() ? Optional.empty() : Optional.of(Credentials.of(webhookUser, webhookPassword)),
                bandwidth.getDuration("connect-timeout"),
                bandwidth.getDuration("request-timeout"),
                new BandwidthSettings.RetrySettings(
                        retry.getInt("max-attempts"),
                        retry.getDuration("first-backoff"),
                        retry.getDuration("max-backoff"),
                        retry.getDuration("max-retry-after")),
                bandwidth.getDouble("creates-per-second"),
                bandwidth.getInt("create-queue-capacity"),
                bandwidth.getBytes("max-media-size")));
    }
}
