package io.stride.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Secrets for a local run, generated once into {@code <data>/secrets.env} (readable by the owner
 * only) and reused, so tokens and stored keys stay valid across restarts. Nothing here is a default
 * in code: a production deployment sets its own through the environment.
 */
final class LocalSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalSecrets() {}

  static Map<String, String> load(Path dataDirectory) {
    Path file = dataDirectory.resolve("secrets.env");
    try {
      Properties properties = new Properties();
      if (Files.exists(file)) {
        try (var in = Files.newBufferedReader(file)) {
          properties.load(in);
        }
      }
      boolean changed = false;
      changed |= putIfAbsent(properties, "STRIDE_AUTH_KEY_ENCRYPTION_KEY", randomBase64(32));
      // URL-safe: client secrets travel form-encoded in HTTP Basic (RFC 6749 §2.3.1)
      changed |= putIfAbsent(properties, "STRIDE_PARTNER_DEMO_SECRET", randomUrlSafe(24));
      if (changed) {
        Files.createDirectories(dataDirectory);
        try (var out = Files.newBufferedWriter(file)) {
          properties.store(out, "Stride local secrets (generated; keep private)");
        }
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // not a POSIX file system: nothing more to do
        }
      }
      Map<String, String> secrets = new LinkedHashMap<>();
      properties
          .stringPropertyNames()
          .forEach(name -> secrets.put(name, properties.getProperty(name)));
      return secrets;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static boolean putIfAbsent(Properties properties, String name, String value) {
    if (properties.getProperty(name) == null || properties.getProperty(name).isBlank()) {
      properties.setProperty(name, value);
      return true;
    }
    return false;
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}
