package io.stride.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address auth-service has no page for, asked by a browser: our "Page not found" page. API
 * clients (and any request under {@code /api/}) keep the platform's problem+json.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserNotFound {

  @ExceptionHandler(NoResourceFoundException.class)
  ModelAndView notFound(NoResourceFoundException notFound, HttpServletRequest request)
      throws NoResourceFoundException {
    String accept = request.getHeader("Accept");
    if (accept == null
        || !accept.contains("text/html")
        || request.getRequestURI().startsWith("/api/")) {
      throw notFound; // not handled here: the platform's answer
    }
    ModelAndView page = new ModelAndView(ErrorPages.VIEW, HttpStatus.NOT_FOUND);
    page.addObject("title", "Page not found");
    page.addObject("detail", "There is no page at this address. Check it, or start from sign-in.");
    return page;
  }
}
