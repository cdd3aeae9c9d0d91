package io.stride.notification.settings;

import io.stride.notification.people.Persons;
import io.stride.notification.settings.UnsubscribeLinks.Subscription;
import io.stride.notification.types.NotificationTexts;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of every notification email, a page outside the API (no sign-in: the signed
 * token is the authority). GET asks (a link scanner must not unsubscribe anyone); POST
 * unsubscribes, from the page's button or from the mail client's one-click (RFC 8058).
 */
@Hidden
@Controller
@RequestMapping("/unsubscribe")
class UnsubscribePage {

  private final UnsubscribeLinks links;
  private final SettingsService settings;
  private final Persons persons;
  private final NotificationTexts texts;

  UnsubscribePage(
      UnsubscribeLinks links, SettingsService settings, Persons persons, NotificationTexts texts) {
    this.links = links;
    this.settings = settings;
    this.persons = persons;
    this.texts = texts;
  }

  @GetMapping
  ModelAndView ask(
      @RequestParam(required = false) String token,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
    return page(token, acceptLanguage, "ask");
  }

  @PostMapping
  ModelAndView unsubscribe(
      @RequestParam(required = false) String token,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
    links
        .read(token)
        .ifPresent(
            subscription -> settings.unsubscribe(subscription.userId(), subscription.type()));
    return page(token, acceptLanguage, "done");
  }

  private ModelAndView page(String token, String acceptLanguage, String step) {
    Optional<Subscription> subscription = links.read(token);
    Locale locale =
        subscription
            .map(found -> persons.readerLocale(found.userId(), acceptLanguage))
            .orElse(Locale.ENGLISH);
    String typeName =
        subscription.map(found -> texts.message("type." + found.type(), locale)).orElse("");
    ModelAndView page =
        new ModelAndView(
            "unsubscribe", subscription.isPresent() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    page.addObject("step", subscription.isPresent() ? step : "invalid");
    page.addObject("token", token);
    page.addObject("lang", locale.getLanguage());
    page.addObject("title", texts.message("unsubscribe.title", locale));
    page.addObject("question", texts.message("unsubscribe.ask", locale, typeName));
    page.addObject("confirm", texts.message("unsubscribe.confirm", locale));
    page.addObject("done", texts.message("unsubscribe.done", locale, typeName));
    page.addObject("invalid", texts.message("unsubscribe.invalid", locale));
    return page;
  }
}
