package io.stride.notification.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The push services of this test JVM, started once: a Web Push service over TLS ({@link
 * WebPushStub}, its certificate made with the JDK's keytool and trusted by the service under test
 * through the SSL bundle {@code push-stub}) and FCM with its token endpoint ({@link FcmStub}, the
 * service account's key file written for it). Every test context is pointed at them. Registered in
 * {@code META-INF/spring.factories}.
 */
public class TestPushServices
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final char[] PASSWORD = "stub-only".toCharArray();
  private static Path directory;
  private static WebPushStub webPush;
  private static FcmStub fcm;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    TestPropertyValues.of(
            "stride.notifications.push.web-push-hosts=127.0.0.1",
            "stride.notifications.push.ssl-bundle=push-stub",
            "spring.ssl.bundle.pem.push-stub.truststore.certificate=file:"
                + directory.resolve("stub.pem"),
            "stride.notifications.push.fcm.project-id=" + FcmStub.PROJECT,
            "stride.notifications.push.fcm.credentials="
                + directory.resolve("service-account.json"),
            "stride.notifications.push.fcm.url=" + fcm.url())
        .applyTo(context);
  }

  public static synchronized WebPushStub webPush() {
    start();
    return webPush;
  }

  public static synchronized FcmStub fcm() {
    start();
    return fcm;
  }

  private static synchronized void start() {
    if (webPush != null) {
      return;
    }
    try {
      directory = Files.createTempDirectory("stride-push-stubs");
      directory.toFile().deleteOnExit();
      Path store = directory.resolve("stub.p12");
      keytool(
          "-genkeypair",
          "-alias",
          "stub",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "SAN=ip:127.0.0.1",
          "-validity",
          "2",
          "-keystore",
          store.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          new String(PASSWORD),
          "-keypass",
          new String(PASSWORD));
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "stub",
          "-keystore",
          store.toString(),
          "-storepass",
          new String(PASSWORD),
          "-file",
          directory.resolve("stub.pem").toString());
      webPush = new WebPushStub(store, PASSWORD);
      fcm = new FcmStub();
      Files.writeString(directory.resolve("service-account.json"), fcm.serviceAccountJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the push stubs", e);
    }
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroy();
      throw new IllegalStateException("keytool failed: " + String.join(" ", arguments));
    }
  }
}
