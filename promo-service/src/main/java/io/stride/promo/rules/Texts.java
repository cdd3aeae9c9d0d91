package io.stride.promo.rules;

import java.util.List;

/** Lists in words: "a run", "a run or a ride", "Germany, Austria or Switzerland". */
final class Texts {

  private Texts() {}

  static String either(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }

  static String days(int days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
