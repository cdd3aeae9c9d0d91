package io.stride.social.athletes;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a name that search compares: decomposed (NFKD), without combining marks, in lower
 * case, spaces collapsed. "Émilie Müller" and "emilie muller" are the same name.
 */
public final class SearchNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\-'’.]+");

  private SearchNames() {}

  public static String of(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    String bare = MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /**
   * The distinct words of a name's folded form, split at spaces, hyphens, apostrophes and dots (the
   * same as V7's backfill): "Anne-Marie O'Neil" has anne, marie, o and neil.
   */
  public static List<String> words(String name) {
    return WORD_BREAKS.splitAsStream(of(name)).filter(word -> !word.isEmpty()).distinct().toList();
  }
}
