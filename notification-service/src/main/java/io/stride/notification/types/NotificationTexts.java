package io.stride.notification.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notification in a language: {@code notification.<type>.title} and {@code .body} of
 * {@code messages*.properties}, English when the language has none. The arguments are plain values
 * (numbers for a type's number fields, dates written out in the language for its date fields);
 * every channel escapes them for where they go (HTML in emails).
 */
@Component
public class NotificationTexts {

  /** A notification in words. */
  public record Text(String title, String body) {}

  private final MessageSource messages;

  NotificationTexts(MessageSource messages) {
    this.messages = messages;
  }

  public Text render(
      NotificationType type,
      String actorName,
      int actorCount,
      Map<String, String> data,
      Locale locale) {
    List<Object> args = new ArrayList<>();
    args.add(actorName == null ? message("notification.someone", locale) : actorName);
    args.add(Math.max(actorCount - 1, 0));
    for (String field : type.fields()) {
      String value = data.getOrDefault(field, "");
      if (type.numbers().contains(field)) {
        args.add(number(value));
      } else if (type.dates().contains(field)) {
        args.add(date(value, locale));
      } else if (type.terms().containsKey(field)) {
        args.add(terms(type.terms().get(field), value, locale));
      } else {
        args.add(value);
      }
    }
    Object[] values = args.toArray();
    String prefix = "notification." + type.name();
    return new Text(
        messages.getMessage(prefix + ".title", values, locale),
        messages.getMessage(prefix + ".body", values, locale));
  }

  /** A number field's value; one that is not a number (never written so) counts as zero. */
  private static BigDecimal number(String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException notANumber) {
      return BigDecimal.ZERO;
    }
  }

  /** A date field written as the language writes a date; one that is not a date as it is. */
  private static String date(String value, Locale locale) {
    try {
      return LocalDate.parse(value)
          .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    } catch (DateTimeParseException notADate) {
      return value;
    }
  }

  /**
   * A list of terms ({@code a,b,c}) in the language's words, joined as it joins a list ({@code
   * list.and}: "a, b and c"); a term without words as it is, an empty list as {@code
   * <prefix>.none}.
   */
  private String terms(String prefix, String value, Locale locale) {
    List<String> words =
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(term -> !term.isEmpty())
            .map(term -> messages.getMessage(prefix + "." + term, null, term, locale))
            .toList();
    if (words.isEmpty()) {
      return messages.getMessage(prefix + ".none", null, locale);
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    String allButLast = String.join(", ", words.subList(0, words.size() - 1));
    return messages.getMessage(
        "list.and", new Object[] {allButLast, words.get(words.size() - 1)}, locale);
  }

  /** A plain message of the texts (layout words of emails and pushes). */
  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
