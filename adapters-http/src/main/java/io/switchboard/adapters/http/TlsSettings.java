package io.switchboard.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's certificate and key, from a keystore file (PKCS12 unless said otherwise). Bandwidth requires HTTPS
 * for webhooks that carry credentials.
 */
public record TlsSettings(Path keystore, String password, String keystoreType) {
    public static final String PKCS12 = "PKCS12";

    public TlsSettings {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keystoreType, "keystoreType");
    }

    public static TlsSettings pkcs12(Path keystore, String password) {
        return new TlsSettings(keystore, password, PKCS12);
    }

    /**
     * A server context holding the keystore's key and certificate chain.
     *
     * @throws IllegalStateException naming the file (never the password) when it cannot be read or opened
     */
    public SSLContext serverContext() {
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(keystoreType);
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException unusable) {
            throw new IllegalStateException(
                    "Cannot use the TLS keystore " + keystore + " (" + keystoreType + "): "
                            + unusable.getClass().getSimpleName(),
                    unusable);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    /** Never shows the password: settings get logged. */
    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", keystoreType=" + keystoreType + ", password=***]";
    }
}
