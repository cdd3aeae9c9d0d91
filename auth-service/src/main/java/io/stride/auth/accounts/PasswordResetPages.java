package io.stride.auth.accounts;

import io.stride.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot your password?": ask for a link by email, then set a new password on the page the link
 * opens. The link's token moves from the address into the session at once, so it stays in no
 * browser history and in no later request's address.
 */
@Controller
class PasswordResetPages {

  static final String RESET_PATH = "/reset-password";
  private static final String TOKEN = "stride.passwordReset.token";

  private final PasswordResets resets;
  private final PasswordResetRequests requests;

  PasswordResetPages(PasswordResets resets, PasswordResetRequests requests) {
    this.resets = resets;
    this.requests = requests;
  }

  @GetMapping("/forgot-password")
  String form(Model model) {
    model.addAttribute("email", "");
    return "forgot-password";
  }

  @PostMapping("/forgot-password")
  String request(
      @RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
    String typed = email.strip();
    model.addAttribute("email", typed);
    if (typed.isEmpty() || typed.length() > 320 || !typed.contains("@")) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", "Enter the email address you signed up with.");
      return "forgot-password";
    }
    requests.submit(typed);
    model.addAttribute("minutes", PasswordResets.VALID_FOR.toMinutes());
    return "forgot-password-sent";
  }

  /** The emailed link: its token goes into the session, and the browser to the clean address. */
  @GetMapping(value = RESET_PATH, params = "token")
  String openLink(@RequestParam String token, HttpSession session) {
    session.setAttribute(TOKEN, token);
    return "redirect:" + RESET_PATH;
  }

  @GetMapping(RESET_PATH)
  String newPasswordForm(HttpSession session, Model model, HttpServletResponse response) {
    Optional<Account> account = tokenOf(session).flatMap(resets::accountFor);
    if (account.isEmpty()) {
      return linkNotWorking(session, response);
    }
    return newPasswordPage(model, account.get(), Map.of());
  }

  @PostMapping(RESET_PATH)
  String setNewPassword(
      @RequestParam(defaultValue = "") String password,
      HttpSession session,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Optional<String> token = tokenOf(session);
    Optional<Account> reset;
    try {
      reset = token.flatMap(t -> resets.reset(t, password));
    } catch (InvalidRequestException weak) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      Optional<Account> account = token.flatMap(resets::accountFor);
      if (account.isEmpty()) {
        return linkNotWorking(session, response);
      }
      return newPasswordPage(
          model,
          account.get(),
          Map.of(
              "password",
              FieldMessages.sentence(
                  weak.errors().isEmpty() ? "" : weak.errors().get(0).message())));
    }
    if (reset.isEmpty()) {
      return linkNotWorking(session, response);
    }
    session.removeAttribute(TOKEN);
    redirect.addFlashAttribute("email", reset.get().email());
    return "redirect:/login?reset";
  }

  private static String newPasswordPage(Model model, Account account, Map<String, String> errors) {
    model.addAttribute("email", account.email());
    model.addAttribute("errors", errors);
    model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
    return "reset-password";
  }

  private static String linkNotWorking(HttpSession session, HttpServletResponse response) {
    session.removeAttribute(TOKEN);
    response.setStatus(HttpStatus.GONE.value());
    return "reset-link-expired";
  }

  private static Optional<String> tokenOf(HttpSession session) {
    return Optional.ofNullable(session.getAttribute(TOKEN))
        .map(Object::toString)
        .filter(token -> !token.isBlank() && token.length() <= 100);
  }
}
