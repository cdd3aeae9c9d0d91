package io.stride.auth.oauth;

import io.stride.platform.http.RetryAfter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page a tracker tells its owner to open (RFC 8628 verification URI): the signed-in user types
 * the code shown on the device, then approves what the device asks for.
 */
@Controller
class ActivateController {

  private final UserCodeThrottle throttle;

  ActivateController(UserCodeThrottle throttle) {
    this.throttle = throttle;
  }

  /** The form; {@code user_code} prefilled from the verification_uri_complete but not submitted. */
  @GetMapping("/activate")
  String form(
      @RequestParam(name = "user_code", required = false) String userCode,
      @RequestParam(name = "expired", required = false) String expired,
      Model model) {
    model.addAttribute("userCode", userCode == null ? "" : UserCodeThrottle.normalize(userCode));
    if (expired != null) {
      model.addAttribute(
          "error", "That code stopped working before the device was connected. Get a new one.");
    }
    return "activate";
  }

  @PostMapping("/activate")
  String submit(
      @RequestParam(name = "user_code") String userCode,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String ip = request.getRemoteAddr();
    Optional<Duration> blocked = throttle.blockedFor(ip);
    if (blocked.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", RetryAfter.header(blocked.get()));
      model.addAttribute("error", "Too many wrong codes. Wait a while, then try again.");
      model.addAttribute("userCode", "");
      return "activate";
    }
    String code = UserCodeThrottle.normalize(userCode);
    if (!throttle.check(code, ip)) {
      response.setStatus(400);
      model.addAttribute("error", "That code is not valid or has expired. Check your device.");
      model.addAttribute("userCode", code);
      return "activate";
    }
    return "redirect:"
        + UriComponentsBuilder.fromPath("/oauth2/device_verification")
            .queryParam("user_code", code)
            .build()
            .toUriString();
  }

  @GetMapping("/activate/done")
  String done() {
    return "activated";
  }

  /** After Cancel on the device confirmation page. */
  @GetMapping("/activate/declined")
  String declined() {
    return "device-declined";
  }
}
