package io.switchboard.testkit.simulator;

import io.switchboard.domain.common.VoiceEvent;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Delivers webhooks addressed under a service's public URL (what it tells Bandwidth: a tunnel's or a load
 * balancer's address) to the address it listens on, as the tunnel would; other URLs go as they are.
 */
public final class RoutedTransport implements WebhookTransport {
    private final WebhookTransport transport;
    private final String publicPrefix;
    private final String localPrefix;

    /**
     * @param publicUrl the service's public URL, e.g. {@code https://switchboard.example.com}
     * @param localUrl  where it listens, e.g. {@code http://127.0.0.1:8080}
     */
    public RoutedTransport(WebhookTransport transport, URI publicUrl, URI localUrl) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.publicPrefix = withoutTrailingSlash(publicUrl);
        this.localPrefix = withoutTrailingSlash(localUrl);
    }

    /** Whether {@code url} lies under the public URL. */
    public boolean routes(URI url) {
        String text = url.toString();
        return text.equals(publicPrefix) || text.startsWith(publicPrefix + "/");
    }

    @Override
    public CompletionStage<Delivery> deliver(URI url, VoiceEvent event) {
        URI target = routes(url) ? URI.create(localPrefix + url.toString().substring(publicPrefix.length())) : url;
        return transport.deliver(target, event);
    }

    @Override
    public boolean absentCallbacksComeHome() {
        return transport.absentCallbacksComeHome();
    }

    private static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
