package io.stride.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real SMTP server (GreenMail) for this test JVM, on a free port; every test context sends its
 * emails to it. Registered in {@code META-INF/spring.factories}.
 */
public class TestMailServer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static GreenMail server;
  private static int port;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.mail.host=127.0.0.1", "spring.mail.port=" + get().getSmtp().getPort())
        .applyTo(context);
  }

  public static synchronized GreenMail get() {
    if (server == null) {
      port = freePort();
      start();
    }
    return server;
  }

  /** Stops the server: sending fails until {@link #restart}. */
  public static synchronized void stop() {
    get().stop();
  }

  /** The server again, on the same port, with no emails received. */
  public static synchronized void restart() {
    start();
  }

  private static void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every email received so far that was sent to {@code address}. */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(get().getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The first email to this address, once one has come (within 30 s). */
  public static MimeMessage awaitFirst(String address) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !to(address).isEmpty());
    return to(address).get(0);
  }

  /** The plain-text part of an email. */
  public static String text(MimeMessage mail) {
    try {
      return part(mail, "text/plain");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTML part of an email. */
  public static String html(MimeMessage mail) throws Exception {
    return part(mail, "text/html");
  }

  private static String part(MimeMessage mail, String type) throws Exception {
    return find((Multipart) mail.getContent(), type);
  }

  private static String find(Multipart multipart, String type) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
