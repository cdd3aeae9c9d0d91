package io.stride.auth.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the form posts to Spring Security's /login handler). */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
