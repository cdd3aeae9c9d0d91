package io.stride.notification.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser holds of its push subscription: its P-256 key pair and 16-byte auth secret, made
 * the way a browser makes them, and the decryption of what its push service hands it (RFC 8291,
 * {@code aes128gcm}), written from the RFC on its own rather than from the sender's code.
 */
public final class TestBrowser {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final ECPrivateKey privateKey;
  private final byte[] publicKey;
  private final byte[] authSecret;

  private TestBrowser(ECPrivateKey privateKey, byte[] publicKey, byte[] authSecret) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.authSecret = authSecret;
  }

  public static TestBrowser create() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      var pair = generator.generateKeyPair();
      byte[] auth = new byte[16];
      new SecureRandom().nextBytes(auth);
      ECPublicKey pub = (ECPublicKey) pair.getPublic();
      byte[] point = new byte[65];
      point[0] = 4;
      put(pub.getW().getAffineX(), point, 1);
      put(pub.getW().getAffineY(), point, 33);
      return new TestBrowser((ECPrivateKey) pair.getPrivate(), point, auth);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A browser with known keys (the RFC 8291 example's). */
  static TestBrowser of(String privateScalar, String publicKey, String authSecret) {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    return new TestBrowser(
        P256.privateKey(new BigInteger(1, decoder.decode(privateScalar))),
        decoder.decode(publicKey),
        decoder.decode(authSecret));
  }

  public String p256dh() {
    return URL.encodeToString(publicKey);
  }

  public String auth() {
    return URL.encodeToString(authSecret);
  }

  /** The plaintext of an {@code aes128gcm} body sent to this browser, or an exception. */
  public String decrypt(byte[] body) throws GeneralSecurityException {
    ByteBuffer in = ByteBuffer.wrap(body);
    byte[] salt = new byte[16];
    in.get(salt);
    int recordSize = in.getInt();
    int idLength = in.get() & 0xff;
    if (idLength != 65 || recordSize < 18) {
      throw new GeneralSecurityException("header: keyid of " + idLength + ", rs " + recordSize);
    }
    byte[] senderKey = new byte[65];
    in.get(senderKey);
    byte[] ciphertext = new byte[in.remaining()];
    in.get(ciphertext);
    if (ciphertext.length > recordSize) {
      throw new GeneralSecurityException("more than one record");
    }

    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(privateKey);
    agreement.doPhase(P256.publicKey(senderKey), true);
    byte[] ecdhSecret = agreement.generateSecret();
    // RFC 8291 §3.4: PRK_key = HMAC(auth, ecdh); IKM = HMAC(PRK_key, key_info || 1)
    byte[] prkKey = hmac(authSecret, ecdhSecret);
    byte[] keyInfo = join(bytes("WebPush: info"), new byte[] {0}, publicKey, senderKey);
    byte[] ikm = hmac(prkKey, join(keyInfo, new byte[] {1}));
    // RFC 8188 §2.2 and §2.3
    byte[] prk = hmac(salt, ikm);
    byte[] cek =
        Arrays.copyOf(hmac(prk, join(bytes("Content-Encoding: aes128gcm"), new byte[] {0, 1})), 16);
    byte[] nonce =
        Arrays.copyOf(hmac(prk, join(bytes("Content-Encoding: nonce"), new byte[] {0, 1})), 12);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
    byte[] padded = cipher.doFinal(ciphertext);
    int end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    if (end < 0 || padded[end] != 2) {
      throw new GeneralSecurityException("the last record does not end with the 0x02 delimiter");
    }
    return new String(padded, 0, end, StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] join(byte[]... parts) {
    ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
    for (byte[] part : parts) {
      out.put(part);
    }
    return out.array();
  }

  private static void put(BigInteger value, byte[] into, int at) {
    byte[] raw = value.toByteArray();
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, into, at + 32 - length, length);
  }
}
