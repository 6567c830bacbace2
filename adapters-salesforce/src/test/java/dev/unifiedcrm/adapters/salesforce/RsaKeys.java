package dev.unifiedcrm.adapters.salesforce;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

/** RSA key pairs for the JWT-bearer set, made per test run: no key material is committed. */
final class RsaKeys {

    /** One 2048-bit pair for every test class of the run: generating one can take a second on a busy machine. */
    static final KeyPair SHARED = generate(2048);

    private RsaKeys() {
    }

    static KeyPair generate(int bits) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as an account holds it. */
    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
