package io.stride.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (the form posts to Spring Security's /login handler). After a wrong password the
 * email typed is shown again, once, so only the password has to be typed again.
 */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    HttpSession session = request.getSession(false);
    Object failedEmail = session == null ? null : session.getAttribute(LoginSecurity.FAILED_EMAIL);
    if (failedEmail != null) {
      session.removeAttribute(LoginSecurity.FAILED_EMAIL);
      model.addAttribute("email", failedEmail);
    }
    model.addAttribute("failed", request.getParameter("error") != null);
    return "login";
  }
}
