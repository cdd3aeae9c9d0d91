package io.stride.localstack;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
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

  /** The secrets every catalog service declares, generated where missing. */
  static Map<String, String> load(Path dataDirectory, ServiceCatalog catalog) {
    Path file = dataDirectory.resolve("secrets.env");
    try {
      Properties properties = new Properties();
      if (Files.exists(file)) {
        try (var in = Files.newBufferedReader(file)) {
          properties.load(in);
        }
      }
      boolean changed = false;
      for (Service service : catalog.services()) {
        for (String name : service.secrets()) {
          changed |= putIfAbsent(properties, name, generate(name));
        }
      }
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

  static String require(Map<String, String> secrets, String name) {
    String value = secrets.get(name);
    if (value == null) {
      throw new IllegalStateException("no local secret " + name);
    }
    return value;
  }

  /**
   * 32 random bytes in Base64 for keys ({@code *_KEY}); URL-safe text otherwise, since client
   * secrets travel form-encoded in HTTP Basic (RFC 6749 §2.3.1).
   */
  private static String generate(String name) {
    return name.endsWith("_KEY") ? randomBase64(32) : randomUrlSafe(24);
  }

  private static boolean putIfAbsent(Properties properties, String name, String value) {
    if (properties.getProperty(name) == null || properties.getProperty(name).isBlank()) {
      properties.setProperty(name, value);
      return true;
    }
    return false;
  }

  /** A fresh random secret for one run (URL-safe, no quoting needed anywhere). */
  static String randomToken() {
    return randomUrlSafe(24);
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
