package io.stride.notification.types;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A kind of notification: its name (in the API, the settings and the message keys {@code
 * notification.<name>.*} of the texts), the channels it uses unless the person changes them, and
 * whether it may be switched off at all (security notices may not).
 *
 * @param name lower-case words joined by dashes, e.g. {@code kudos}
 * @param defaults the channels on by default
 * @param switchable false for what a person must always hear of (a new device, a changed password)
 * @param collapses true when later events join the notification of the same group (kudos)
 * @param link where the notification leads in the web app: a path with {@code {subject}} and {@code
 *     {actor}} standing for their ids
 * @param fields the notification's data fields its texts use, as arguments {2}, {3}, … after the
 *     actor's name {0} and the number of other actors {1}
 * @param numbers those of the fields that are numbers: the texts get them as numbers, so that
 *     {@code {n,number,…}} and {@code {n,choice,…}} write them as the reader's language does
 * @param dates those of the fields that are dates ({@code 2027-01-15}): the texts get them written
 *     out as the reader's language writes a date (January 15, 2027; 15. Januar 2027)
 */
public record NotificationType(
    String name,
    Set<Channel> defaults,
    boolean switchable,
    boolean collapses,
    String link,
    List<String> fields,
    Set<String> numbers,
    Set<String> dates) {

  public NotificationType {
    defaults = Set.copyOf(defaults);
    fields = List.copyOf(fields);
    numbers = Set.copyOf(numbers);
    dates = Set.copyOf(dates);
  }

  public static NotificationType of(String name, String link, Channel... defaults) {
    return new NotificationType(
        name, Set.of(defaults), true, false, link, List.of(), Set.of(), Set.of());
  }

  public NotificationType collapsing() {
    return new NotificationType(name, defaults, switchable, true, link, fields, numbers, dates);
  }

  public NotificationType notSwitchable() {
    return new NotificationType(name, defaults, false, collapses, link, fields, numbers, dates);
  }

  /** Names the text fields (instead of any named before). */
  public NotificationType withFields(String... names) {
    return new NotificationType(
        name, defaults, switchable, collapses, link, List.of(names), Set.of(), Set.of());
  }

  /** Adds number fields after the fields named so far. */
  public NotificationType withNumbers(String... names) {
    return new NotificationType(
        name,
        defaults,
        switchable,
        collapses,
        link,
        append(fields, names),
        union(numbers, names),
        dates);
  }

  /** Adds date fields (ISO dates, {@code 2027-01-15}) after the fields named so far. */
  public NotificationType withDates(String... names) {
    return new NotificationType(
        name,
        defaults,
        switchable,
        collapses,
        link,
        append(fields, names),
        numbers,
        union(dates, names));
  }

  private static List<String> append(List<String> fields, String... names) {
    List<String> all = new ArrayList<>(fields);
    all.addAll(List.of(names));
    return all;
  }

  private static Set<String> union(Set<String> fields, String... names) {
    Set<String> all = new HashSet<>(fields);
    all.addAll(List.of(names));
    return all;
  }

  /** The web app path of one notification of this type. */
  public String linkFor(UUID subjectId, UUID actorId) {
    return link.replace("{subject}", String.valueOf(subjectId))
        .replace("{actor}", String.valueOf(actorId));
  }

  public boolean onByDefault(Channel channel) {
    return defaults.contains(channel);
  }
}
