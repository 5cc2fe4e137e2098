package io.switchboard.bench.baseline;

import static akka.http.javadsl.server.Directives.*;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.Http;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ceiling of our stack, for the end-to-end benchmark: {@code POST /voice/**} on the same akka-http, with the
 * same Basic-auth check (both halves compared in constant time) and the same bounded read of a JSON body as
 * Switchboard's routes, answered with one fixed BXML document. No JSON decoding, no entity, no flow, no
 * rendering: what the service does beyond this is what the benchmark's ratio prices.
 *
 * <p>{@code GET /health/ready} answers 200 once bound, as the service's does, so the script waits for both alike.
 * Configured with {@code -Dbaseline.host} and {@code baseline.port}, and the credentials with the variables
 * {@code BASELINE_USER} and {@code BASELINE_PASSWORD} (both unset: no auth), as the script starts the service.
 */
public final class BareWebhookServer {

    private static final ContentType.WithCharset BXML = MediaTypes.APPLICATION_XML.toContentType(HttpCharsets.UTF_8);
    private static final Unmarshaller<HttpEntity, byte[]> JSON_BYTES =
            Unmarshaller.forMediaType(MediaTypes.APPLICATION_JSON, Unmarshaller.entityToByteArray());
    /** The demo's reply to an initiate, byte for byte, so both servers write about as much. */
    private static final byte[] FIXED_REPLY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather "
                    + "gatherUrl=\"http://127.0.0.1:18180/voice/gather\" maxDigits=\"1\" firstDigitTimeout=\"5.0\"><SpeakSentence>"
                    + "Welcome to Switchboard. Press 1 to talk to us, 2 to leave a message, or 3 to join the conference."
                    + "</SpeakSentence></Gather></Response>")
            .getBytes(StandardCharsets.UTF_8);

    private static final long MAX_BODY_BYTES = 65_536;

    /** What the load generator presents; never logged. */
    record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    private BareWebhookServer() {}

    public static void main(String[] args) {
        Config config = ConfigFactory.load().getConfig("baseline");
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "baseline");
        String host = config.getString("host");
        int port = config.getInt("port");
        Optional<Credentials> credentials = config.getString("user").isEmpty()
                ? Optional.empty()
                : Optional.of(new Credentials(config.getString("user"), config.getString("password")));
        Http.get(system).newServerAt(host, port).bind(route(credentials)).whenComplete((binding, failure) -> {
            if (failure != null) {
                system.log().error("could not bind {}:{}", host, port, failure);
                system.terminate();
            } else {
                system.log()
                        .info(
                                "bare baseline listening on {}, basic auth {}",
                                binding.localAddress(),
                                credentials.isPresent() ? "required" : "off");
            }
        });
    }

    static Route route(Optional<Credentials> credentials) {
        HttpResponse reply = HttpResponse.create().withEntity(BXML, FIXED_REPLY);
        return concat(
                path(PathMatchers.segment("health").slash("ready"), () -> get(() -> complete(HttpResponse.create()))),
                pathPrefix(
                        "voice",
                        () -> authenticated(
                                credentials,
                                () -> post(() -> withSizeLimit(
                                        MAX_BODY_BYTES, () -> entity(JSON_BYTES, body -> complete(reply)))))));
    }

    private static Route authenticated(Optional<Credentials> credentials, Supplier<Route> inner) {
        return credentials
                .map(expected -> authenticateBasic(
                        "switchboard",
                        provided -> provided.filter(given -> matches(expected, given))
                                .map(ProvidedCredentials::identifier),
                        username -> inner.get()))
                .orElseGet(inner);
    }

    private static boolean matches(Credentials expected, ProvidedCredentials provided) {
        boolean usernameMatches = MessageDigest.isEqual(
                expected.user().getBytes(StandardCharsets.UTF_8),
                provided.identifier().getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = provided.verify(expected.password());
        return usernameMatches & passwordMatches;
    }
}
