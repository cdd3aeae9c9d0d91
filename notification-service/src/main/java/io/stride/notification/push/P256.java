package io.stride.notification.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * The NIST P-256 curve as Web Push uses it: keys as 65-byte uncompressed points (0x04, x, y) and
 * 32-byte private scalars, converted to and from the JDK's key types. The JDK has no public way to
 * derive a public key from a private scalar, so {@link #publicPoint} multiplies the generator here
 * (plain double-and-add: not constant time, which is fine for the one key it derives once, at
 * start, from configuration). The curve's numbers come from the JDK itself.
 */
final class P256 {

  static final int POINT_BYTES = 65;
  static final ECParameterSpec SPEC = spec();
  private static final BigInteger P = ((ECFieldFp) SPEC.getCurve().getField()).getP();
  private static final BigInteger A = SPEC.getCurve().getA();
  private static final BigInteger B = SPEC.getCurve().getB();
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private P256() {}

  /** {@code d·G}, the public point of a private scalar in [1, n-1]. */
  static ECPoint publicPoint(BigInteger d) {
    if (d.signum() <= 0 || d.compareTo(SPEC.getOrder()) >= 0) {
      throw new IllegalArgumentException("not a P-256 private key: out of range");
    }
    ECPoint result = ECPoint.POINT_INFINITY;
    for (int bit = d.bitLength() - 1; bit >= 0; bit--) {
      result = add(result, result);
      if (d.testBit(bit)) {
        result = add(result, SPEC.getGenerator());
      }
    }
    return result;
  }

  /** Whether these are 65 bytes of an uncompressed point on the curve. */
  static boolean isPoint(byte[] bytes) {
    if (bytes.length != POINT_BYTES || bytes[0] != 0x04) {
      return false;
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(bytes, 33, 65));
    if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
      return false;
    }
    BigInteger left = y.multiply(y).mod(P);
    BigInteger right = x.pow(3).add(A.multiply(x)).add(B).mod(P);
    return left.equals(right);
  }

  static byte[] encode(ECPoint point) {
    byte[] bytes = new byte[POINT_BYTES];
    bytes[0] = 0x04;
    copy(point.getAffineX(), bytes, 1);
    copy(point.getAffineY(), bytes, 33);
    return bytes;
  }

  static ECPublicKey publicKey(byte[] point) {
    if (!isPoint(point)) {
      throw new IllegalArgumentException("not an uncompressed P-256 point");
    }
    ECPoint decoded =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    try {
      return (ECPublicKey)
          KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(decoded, SPEC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECPrivateKey privateKey(BigInteger d) {
    try {
      return (ECPrivateKey)
          KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, SPEC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECPoint add(ECPoint p, ECPoint q) {
    if (p.equals(ECPoint.POINT_INFINITY)) {
      return q;
    }
    if (q.equals(ECPoint.POINT_INFINITY)) {
      return p;
    }
    BigInteger px = p.getAffineX();
    BigInteger py = p.getAffineY();
    BigInteger qx = q.getAffineX();
    BigInteger qy = q.getAffineY();
    BigInteger slope;
    if (px.equals(qx)) {
      if (!py.equals(qy) || py.signum() == 0) {
        return ECPoint.POINT_INFINITY;
      }
      slope = THREE.multiply(px).multiply(px).add(A).multiply(py.shiftLeft(1).modInverse(P));
    } else {
      slope = qy.subtract(py).multiply(qx.subtract(px).modInverse(P));
    }
    slope = slope.mod(P);
    BigInteger x = slope.multiply(slope).subtract(px).subtract(qx).mod(P);
    BigInteger y = slope.multiply(px.subtract(x)).subtract(py).mod(P);
    return new ECPoint(x, y);
  }

  private static void copy(BigInteger value, byte[] into, int at) {
    byte[] raw = value.toByteArray();
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, into, at + 32 - length, length);
  }

  private static ECParameterSpec spec() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
