package io.stride.notification.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * @param terms those of the fields that are lists of terms ({@code
 *     workout.created,workout.updated}), each with the prefix of its terms' words: the texts get
 *     the words {@code <prefix>.<term>} of the reader's language joined as it joins a list ("your
 *     new workouts and changes to them"), or {@code <prefix>.none} when the list is empty; a term
 *     without words is written as it is
 */
public record NotificationType(
    String name,
    Set<Channel> defaults,
    boolean switchable,
    boolean collapses,
    String link,
    List<String> fields,
    Set<String> numbers,
    Set<String> dates,
    Map<String, String> terms) {

  public NotificationType {
    defaults = Set.copyOf(defaults);
    fields = List.copyOf(fields);
    numbers = Set.copyOf(numbers);
    dates = Set.copyOf(dates);
    terms = Map.copyOf(terms);
  }

  public static NotificationType of(String name, String link, Channel... defaults) {
    return new NotificationType(
        name, Set.of(defaults), true, false, link, List.of(), Set.of(), Set.of(), Map.of());
  }

  public NotificationType collapsing() {
    return new NotificationType(
        name, defaults, switchable, true, link, fields, numbers, dates, terms);
  }

  public NotificationType notSwitchable() {
    return new NotificationType(
        name, defaults, false, collapses, link, fields, numbers, dates, terms);
  }

  /** Names the text fields (instead of any named before). */
  public NotificationType withFields(String... names) {
    return new NotificationType(
        name, defaults, switchable, collapses, link, List.of(names), Set.of(), Set.of(), Map.of());
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
        dates,
        terms);
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
        union(dates, names),
        terms);
  }

  /**
   * Adds a field that is a list of terms (comma-separated) after the fields named so far; its words
   * are the texts' {@code <prefix>.<term>}, and {@code <prefix>.none} for an empty list.
   */
  public NotificationType withTerms(String field, String prefix) {
    Map<String, String> all = new HashMap<>(terms);
    all.put(field, prefix);
    return new NotificationType(
        name, defaults, switchable, collapses, link, append(fields, field), numbers, dates, all);
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
