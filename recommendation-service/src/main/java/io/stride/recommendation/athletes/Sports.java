package io.stride.recommendation.athletes;

import java.util.Locale;
import java.util.Map;

/** Sports as the athlete reads them in a reason ("Does running in your region …"). */
public final class Sports {

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("run", "running"),
          Map.entry("trail_run", "trail running"),
          Map.entry("walk", "walking"),
          Map.entry("hike", "hiking"),
          Map.entry("ride", "cycling"),
          Map.entry("mountain_bike", "mountain biking"),
          Map.entry("indoor_ride", "indoor cycling"),
          Map.entry("swim", "swimming"),
          Map.entry("rowing", "rowing"),
          Map.entry("strength", "strength training"),
          Map.entry("yoga", "yoga"));

  private Sports() {}

  public static String label(String sport) {
    String label = LABELS.get(sport.toLowerCase(Locale.ROOT));
    return label != null ? label : sport.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
