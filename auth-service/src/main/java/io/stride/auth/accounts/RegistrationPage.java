package io.stride.auth.accounts;

import io.stride.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The sign-up form for people who arrive at the sign-in page without an account. It registers
 * exactly as {@code POST /api/v1/accounts} does (same rules, same answer whether or not the email
 * was free), then sends the person to sign in with the email filled in.
 */
@Controller
class RegistrationPage {

  private final AccountService accounts;
  private final Validator validator;

  RegistrationPage(AccountService accounts, Validator validator) {
    this.accounts = accounts;
    this.validator = validator;
  }

  /** What the form shows back: never the password. */
  record Form(String displayName, String email) {}

  @GetMapping("/register")
  String form(Model model) {
    return page(model, new Form("", ""), Map.of());
  }

  @PostMapping("/register")
  Object register(
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    RegisterAccountRequest request =
        new RegisterAccountRequest(email.strip(), password, displayName.strip());
    Map<String, String> errors = new LinkedHashMap<>();
    for (ConstraintViolation<RegisterAccountRequest> violation : validator.validate(request)) {
      errors.putIfAbsent(
          violation.getPropertyPath().toString(), FieldMessages.sentence(violation.getMessage()));
    }
    if (errors.isEmpty()) {
      try {
        accounts.register(request);
      } catch (InvalidRequestException invalid) {
        invalid
            .errors()
            .forEach(e -> errors.putIfAbsent(e.field(), FieldMessages.sentence(e.message())));
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, new Form(request.displayName(), request.email()), errors);
    }
    redirect.addFlashAttribute("email", request.email());
    return new RedirectView("/login?registered", true);
  }

  private static String page(Model model, Form form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
    return "register";
  }
}
