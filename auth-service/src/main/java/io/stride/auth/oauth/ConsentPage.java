package io.stride.auth.oauth;

import io.stride.auth.accounts.AccountIdentities;
import io.stride.auth.accounts.AccountIdentity;
import io.stride.auth.web.ErrorPages;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Our consent page, for apps that need the user's approval and for every new device (ADR 0015). It
 * names the app as its registration does ("Fitness tracker", the partner's name), shows whose
 * account is signed in, and what each scope allows in words; Allow posts the requested scopes back
 * to the endpoint that asked ({@code openid} too: alone, Spring Authorization Server would read an
 * empty approval as a refusal), Cancel posts none (answered with {@code access_denied}). No script:
 * both are plain forms.
 */
@Controller
class ConsentPage {

  static final String PATH = "/oauth2/consent";

  private final RegisteredClientRepository clients;
  private final ScopeRegistry scopes;
  private final AccountIdentities accounts;

  ConsentPage(
      RegisteredClientRepository clients, ScopeRegistry scopes, AccountIdentities accounts) {
    this.clients = clients;
    this.scopes = scopes;
    this.accounts = accounts;
  }

  /** One line of the page: the scope as sent back, and the words shown for it. */
  record ScopeLine(String name, String description) {}

  @GetMapping(PATH)
  String consent(
      @RequestParam(name = "client_id", defaultValue = "") String clientId,
      @RequestParam(name = "scope", defaultValue = "") String scope,
      @RequestParam(name = "state", defaultValue = "") String state,
      @RequestParam(name = "user_code", required = false) String userCode,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    RegisteredClient client = clientId.isEmpty() ? null : clients.findByClientId(clientId);
    if (client == null || state.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return ErrorPages.show(
          model,
          "This approval link is not valid",
          "Go back to the app or device you came from and start connecting it again.");
    }
    boolean device =
        userCode != null
            && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
    List<String> requested =
        Arrays.stream(scope.split(" ")).filter(name -> !name.isBlank()).distinct().toList();
    if (!client.getScopes().containsAll(requested)) {
      // only words the app is registered for: a crafted link cannot put its own text on our page
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return ErrorPages.show(
          model,
          "This approval link is not valid",
          "The app asked for something it may not ask for. Nothing was shared with it.");
    }
    List<ScopeLine> lines =
        requested.stream().map(name -> new ScopeLine(name, scopes.describe(name))).toList();
    model.addAttribute("appName", client.getClientName());
    model.addAttribute("clientId", client.getClientId());
    model.addAttribute("state", state);
    model.addAttribute("scopes", lines);
    model.addAttribute("device", device);
    model.addAttribute("userCode", device ? UserCodeThrottle.normalize(userCode) : null);
    model.addAttribute("action", device ? "/oauth2/device_verification" : "/oauth2/authorize");
    model.addAttribute(
        "signedInAs",
        accounts.find(principal.getName()).map(AccountIdentity::email).orElse("your account"));
    return "consent";
  }
}
