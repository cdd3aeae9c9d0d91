package io.stride.bench;

import static io.stride.platform.test.HttpJson.object;

import io.stride.localstack.LocalStack;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's administrator (ADR 0030): {@link #EMAIL} is on {@code STRIDE_AUTH_ADMINS}, and
 * holds the role once the address is verified, which this does through the email the stack sends.
 */
final class Administrator {

  /** The address BenchmarkMain lists on {@code STRIDE_AUTH_ADMINS}. */
  static final String EMAIL = "bench-admin@example.com";

  private static final Pattern VERIFY_LINK =
      Pattern.compile("https?://\\S+/verify-email\\?token=[\\w-]+");

  private static boolean verified;

  private Administrator() {}

  /**
   * A token of the administrator with {@code scopes}; registers and verifies the address first,
   * once per run.
   */
  static synchronized String token(LocalStack stack, String gateway, HttpJson http, String scopes)
      throws Exception {
    if (!verified) {
      registerAndVerify(stack, gateway, http);
      verified = true;
    }
    String token =
        new OAuthFlows(gateway)
            .signInWithMobileApp(EMAIL, WorkoutBenchmarks.PASSWORD, scopes)
            .get("access_token")
            .asString();
    if (!OAuthFlows.claims(token).path("roles").toString().contains("ADMIN")) {
      throw new IllegalStateException("the admin's token carries no ADMIN role");
    }
    return token;
  }

  private static void registerAndVerify(LocalStack stack, String gateway, HttpJson http)
      throws Exception {
    HttpJson.Reply registered =
        http.post(
            "/api/v1/accounts",
            null,
            object(
                "email",
                EMAIL,
                "password",
                WorkoutBenchmarks.PASSWORD,
                "displayName",
                "Bench Admin"));
    if (registered.status() != 202) {
      throw new IllegalStateException("admin registration answered " + registered);
    }
    String link = null;
    long giveUp = System.nanoTime() + 60_000_000_000L;
    while (link == null) {
      link = verificationLink(stack).orElse(null);
      if (link == null) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("no verification email for the admin after 60 s");
        }
        Thread.sleep(100);
      }
    }
    BrowserSession browser = new BrowserSession(gateway);
    HttpResponse<String> page =
        browser.follow(browser.get(link.replaceFirst("^https?://[^/]+", "")));
    HttpResponse<String> confirmed =
        browser.follow(browser.submit(page, "Confirm my email address"));
    if (confirmed.statusCode() != 200) {
      throw new IllegalStateException(
          "verifying the admin's address answered " + confirmed.statusCode());
    }
  }

  private static Optional<String> verificationLink(LocalStack stack) throws Exception {
    for (MimeMessage message : stack.mail().received()) {
      Address[] to = message.getAllRecipients();
      if (to == null || !to[0].toString().contains(EMAIL)) {
        continue;
      }
      Matcher link = VERIFY_LINK.matcher(text(message));
      if (link.find()) {
        return Optional.of(link.group());
      }
    }
    return Optional.empty();
  }

  /** Every text part of a message, decoded. */
  private static String text(Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    StringBuilder all = new StringBuilder();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i))).append('\n');
      }
    }
    return all.toString();
  }
}
