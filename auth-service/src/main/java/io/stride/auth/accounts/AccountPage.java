package io.stride.auth.accounts;

import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a person lands after signing in without an app that sent them (and where {@code /} of
 * auth-service leads): who is signed in, whether their email is verified (with "send the link
 * again", {@link EmailVerificationPages}), connecting a device, signing out. {@code GET /logout}
 * asks before signing out, as a link or a typed address must not sign anyone out by itself (the
 * form posts with its CSRF token to Spring Security's logout).
 */
@Controller
class AccountPage {

  private final AccountIdentities accounts;

  AccountPage(AccountIdentities accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/account";
  }

  @GetMapping("/account")
  String account(Principal principal, Model model) {
    return show(model, accounts.find(principal.getName()));
  }

  /** The account page for this identity (none: an account gone since the sign-in). */
  static String show(Model model, Optional<AccountIdentity> found) {
    AccountIdentity identity = found.orElse(new AccountIdentity("", "", false));
    model.addAttribute("email", identity.email());
    model.addAttribute("displayName", identity.displayName());
    model.addAttribute("emailVerified", identity.emailVerified());
    model.addAttribute("linkHours", EmailVerifications.VALID_FOR.toHours());
    return "account";
  }

  /** Signed out already: nothing to ask, just say so. */
  @GetMapping("/logout")
  String confirmSignOut(Principal principal) {
    return principal == null ? "redirect:/login?logout" : "logout";
  }
}
