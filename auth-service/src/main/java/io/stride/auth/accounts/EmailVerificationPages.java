package io.stride.auth.accounts;

import io.stride.auth.accounts.EmailVerifications.Resend;
import io.stride.platform.http.RetryAfter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page the verification link opens, and "send the link again" on the account page. Opening the
 * link changes nothing: its token moves into the session (out of the address, as on the reset page)
 * and the page asks to confirm, a form posted with its CSRF token. So a mail scanner or a link
 * preview that fetches the link does not use it up.
 */
@Controller
class EmailVerificationPages {

  static final String VERIFY_PATH = "/verify-email";
  static final String RESEND_PATH = "/account/verification-link";
  private static final String TOKEN = "stride.emailVerification.token";
  private static final String VERIFIED = "verifiedEmail";

  private final EmailVerifications verifications;
  private final AccountIdentities identities;

  EmailVerificationPages(EmailVerifications verifications, AccountIdentities identities) {
    this.verifications = verifications;
    this.identities = identities;
  }

  /** The emailed link: its token goes into the session, and the browser to the clean address. */
  @GetMapping(value = VERIFY_PATH, params = "token")
  String openLink(@RequestParam String token, HttpSession session) {
    session.setAttribute(TOKEN, token);
    return "redirect:" + VERIFY_PATH;
  }

  /** Asks to confirm the address; after the confirmation (a flash attribute), says it is done. */
  @GetMapping(VERIFY_PATH)
  String confirmationForm(HttpSession session, Model model, HttpServletResponse response) {
    if (model.containsAttribute(VERIFIED)) {
      model.addAttribute("email", model.getAttribute(VERIFIED));
      return "email-verified";
    }
    Optional<Account> account = tokenOf(session).flatMap(verifications::accountFor);
    if (account.isEmpty()) {
      return linkNotWorking(session, response);
    }
    model.addAttribute("email", account.get().email());
    return "verify-email";
  }

  @PostMapping(VERIFY_PATH)
  String confirm(HttpSession session, RedirectAttributes redirect, HttpServletResponse response) {
    Optional<String> verified = tokenOf(session).flatMap(verifications::verify);
    if (verified.isEmpty()) {
      return linkNotWorking(session, response);
    }
    session.removeAttribute(TOKEN);
    redirect.addFlashAttribute(VERIFIED, verified.get());
    return "redirect:" + VERIFY_PATH;
  }

  /** "Send the link again": at most as many links as {@link SingleUseLinks} allows. */
  @PostMapping(RESEND_PATH)
  String resend(
      Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Resend outcome = verifications.resend(UUID.fromString(principal.getName()));
    if (outcome instanceof Resend.TooSoon tooSoon) {
      Duration wait = tooSoon.retryAfter();
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", RetryAfter.header(wait));
      long minutes = (RetryAfter.seconds(wait) + 59) / 60;
      model.addAttribute(
          "verificationError",
          "You asked for several links in a short time. Use the newest one in your email, or ask"
              + " again in "
              + (minutes <= 1 ? "a minute." : minutes + " minutes."));
      return AccountPage.show(model, identities.find(principal.getName()));
    }
    redirect.addFlashAttribute("verificationSent", outcome instanceof Resend.Sent);
    return "redirect:/account";
  }

  private static String linkNotWorking(HttpSession session, HttpServletResponse response) {
    session.removeAttribute(TOKEN);
    response.setStatus(HttpStatus.GONE.value());
    return "verify-link-expired";
  }

  private static Optional<String> tokenOf(HttpSession session) {
    return Optional.ofNullable(session.getAttribute(TOKEN))
        .map(Object::toString)
        .filter(token -> !token.isBlank() && token.length() <= 100);
  }
}
