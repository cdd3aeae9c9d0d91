package io.stride.auth.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page a browser gets from auth-service ({@code /error} asked for HTML): what went wrong
 * in words and where to go next, instead of Spring's Whitelabel page or the problem+json that API
 * clients get from the platform's error controller at the same path.
 */
@Controller
@RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
public class ErrorPages {

  /**
   * A request attribute with the words to show, set by whoever calls {@code sendError} and knows
   * more than the status (a refused authorization request, say).
   */
  public static final String DETAIL = ErrorPages.class.getName() + ".detail";

  public static final String VIEW = "error";

  @RequestMapping
  String error(HttpServletRequest request, HttpServletResponse response, Model model) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.resolve(value)
            : HttpStatus.NOT_FOUND;
    response.setStatus(status.value());
    Object detail = request.getAttribute(DETAIL);
    return show(model, title(status), detail instanceof String words ? words : explanation(status));
  }

  /** Shows the error page with these words; the caller sets the status. */
  public static String show(Model model, String title, String detail) {
    model.addAttribute("title", title);
    model.addAttribute("detail", detail);
    return VIEW;
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Something in this link is not right";
      case UNAUTHORIZED, FORBIDDEN -> "This page cannot be used like this";
      case NOT_FOUND -> "Page not found";
      case METHOD_NOT_ALLOWED -> "This page cannot be used like this";
      case TOO_MANY_REQUESTS -> "Too many attempts";
      default ->
          status.is5xxServerError() ? "Something went wrong on our side" : "That did not work";
    };
  }

  private static String explanation(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST ->
          "The address is incomplete or was changed. Go back to the app you came from and try"
              + " again from there.";
      case UNAUTHORIZED, FORBIDDEN, METHOD_NOT_ALLOWED ->
          "The form may have been open too long, or it came from another site. Go back, reload"
              + " the page and try again.";
      case NOT_FOUND -> "There is no page at this address. Check it, or start from sign-in.";
      case TOO_MANY_REQUESTS -> "Wait a minute, then try again.";
      default ->
          status.is5xxServerError()
              ? "Nothing you did caused this. Try again in a moment."
              : "Go back and try again.";
    };
  }
}
