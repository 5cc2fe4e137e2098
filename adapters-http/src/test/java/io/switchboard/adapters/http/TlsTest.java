package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.ConnectionContext;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.HttpResponse;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS12 keystore, with a certificate for 127.0.0.1 self-signed when the test starts. */
class TlsTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final String PASSWORD = "keystore-Pa55";

    @TempDir
    static Path dir;

    private static Path keystore;
    private static X509Certificate certificate;

    @BeforeAll
    static void selfSign() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(1))),
                Date.from(now.plus(Duration.ofDays(1))),
                name,
                keys.getPublic());
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "switchboard", keys.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {certificate});
        keystore = dir.resolve("switchboard.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static SSLContext trustingTheCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("switchboard", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void servesWebhooksOverHttpsOnly() throws Exception {
        HttpSettings settings = HttpSettings.of("127.0.0.1", 0).withTls(TlsSettings.pkcs12(keystore, PASSWORD));
        VoiceWebhookRoutes routes = new VoiceWebhookRoutes(
                new FakeVoiceEventHandler(), () -> true, VoiceWebhookRoutesTest.FALLBACK, settings);
        ServerBinding binding = await(WebhookServer.start(testKit.system(), routes, Duration.ofSeconds(3)));
        try {
            int port = binding.localAddress().getPort();
            akka.http.javadsl.model.HttpRequest answer = Exchange.post(
                    "https://127.0.0.1:" + port + "/voice/answer", Payloads.contractPayload(VoiceChannel.ANSWER));

            HttpResponse response = await(Http.get(testKit.system())
                    .singleRequest(answer, ConnectionContext.httpsClient(trustingTheCertificate())));
            String body = await(response.entity().toStrict(5_000, testKit.system()))
                    .getData()
                    .utf8String();

            assertEquals(200, response.status().intValue());
            assertEquals(new BxmlWriter().write(FakeVoiceEventHandler.GREETING), body);
            HttpClient plain = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            assertThrows(
                    IOException.class,
                    () -> plain.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()));
        } finally {
            await(binding.unbind());
        }
    }

    @Test
    void anUnusableKeystoreFailsAtStartNamingTheFileButNotThePassword() {
        TlsSettings wrongPassword = TlsSettings.pkcs12(keystore, "not-the-" + PASSWORD);

        IllegalStateException failure = assertThrows(IllegalStateException.class, wrongPassword::serverContext);

        assertTrue(failure.getMessage().contains(keystore.toString()), failure.getMessage());
        assertFalse(failure.getMessage().contains(PASSWORD), failure.getMessage());
        assertFalse(wrongPassword.toString().contains(PASSWORD));
    }
}
