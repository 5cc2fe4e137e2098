package io.switchboard.bench.spring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook handler a user would write without Switchboard, for the end-to-end benchmark: {@code POST
 * /voice/**} on Spring Boot's defaults (Tomcat, Jackson), Basic auth checked in constant time, the JSON body
 * parsed into a tree, one fixed BXML document back. No ordering per call, no idempotency, no durability: what
 * it lacks is what Switchboard adds, and the benchmark prices it.
 *
 * <p>Started as {@code java -Dserver.address=127.0.0.1 -Dserver.port=18182 -jar spring-baseline.jar}, the
 * credentials in {@code BASELINE_USER} and {@code BASELINE_PASSWORD} (both unset: no auth). {@code GET
 * /health/ready} answers 200 once it serves.
 */
@SpringBootApplication
@RestController
public class SpringWebhookServer {

    /** The demo's reply to an initiate, as the bare baseline sends it. */
    private static final byte[] FIXED_REPLY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather "
                    + "gatherUrl=\"http://127.0.0.1:18180/voice/gather\" maxDigits=\"1\" firstDigitTimeout=\"5.0\">"
                    + "<SpeakSentence>Welcome to Switchboard. Press 1 to talk to us, 2 to leave a message, or 3 to"
                    + " join the conference.</SpeakSentence></Gather></Response>")
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] expectedAuthorization = expectedAuthorization();

    public static void main(String[] args) {
        SpringApplication.run(SpringWebhookServer.class, args);
    }

    @PostMapping(
            path = "/voice/**",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<byte[]> webhook(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody JsonNode event) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"voice\"")
                    .build();
        }
        if (!event.hasNonNull("eventType")) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(FIXED_REPLY);
    }

    @GetMapping("/health/ready")
    public String ready() {
        return "ready";
    }

    private boolean authorized(String authorization) {
        if (expectedAuthorization.length == 0) {
            return true;
        }
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expectedAuthorization);
    }

    private static byte[] expectedAuthorization() {
        String user = System.getenv().getOrDefault("BASELINE_USER", "");
        if (user.isEmpty()) {
            return new byte[0];
        }
        String credentials = user + ":" + System.getenv().getOrDefault("BASELINE_PASSWORD", "");
        return ("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }
}
