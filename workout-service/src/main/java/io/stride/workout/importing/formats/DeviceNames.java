package io.stride.workout.importing.formats;

import com.garmin.fit.GarminProduct;
import com.garmin.fit.Manufacturer;
import java.util.Locale;

/**
 * A device's readable name from what a FIT file says about it: the product name when the device
 * wrote one, else its manufacturer from the FIT profile ({@code wahoo_fitness} → "Wahoo Fitness")
 * and, for Garmin's own products, the product from the FIT SDK's list ({@code EDGE_530} → "Edge
 * 530"); other manufacturers' product numbers have no public list, so they are shown as numbers.
 */
final class DeviceNames {

  private DeviceNames() {}

  static String fit(Integer manufacturer, Integer product, String productName) {
    String maker =
        manufacturer == null ? null : words(Manufacturer.getStringFromValue(manufacturer));
    String model = productName == null || productName.isBlank() ? null : productName.trim();
    if (model == null && product != null) {
      String garmin = isGarminFamily(manufacturer) ? GarminProduct.getStringFromValue(product) : "";
      model = garmin == null || garmin.isEmpty() ? "product " + product : words(garmin);
    }
    if (maker == null || maker.isEmpty()) {
      return model;
    }
    if (model == null
        || model.toLowerCase(Locale.ROOT).startsWith(maker.toLowerCase(Locale.ROOT))) {
      return model == null ? maker : model;
    }
    return maker + " " + model;
  }

  private static boolean isGarminFamily(Integer manufacturer) {
    return manufacturer != null
        && (manufacturer == Manufacturer.GARMIN
            || manufacturer == Manufacturer.DYNASTREAM
            || manufacturer == Manufacturer.DYNASTREAM_OEM
            || manufacturer == Manufacturer.TACX);
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code wahoo_fitness} → "Wahoo Fitness", {@code EDGE_530} → "Edge 530", {@code FENIX5} → "Fenix
   * 5", {@code FR945} stays: a word of letters is capitalised, a name followed by a number is
   * split, a short code with digits is a model code and kept as written.
   */
  static String words(String constant) {
    if (constant == null || constant.isEmpty()) {
      return constant;
    }
    StringBuilder name = new StringBuilder();
    for (String word : constant.split("_")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!name.isEmpty()) {
        name.append(' ');
      }
      int letters = 0;
      while (letters < word.length() && Character.isLetter(word.charAt(letters))) {
        letters++;
      }
      if (letters == word.length()) {
        name.append(capitalised(word));
      } else if (letters >= 4) {
        name.append(capitalised(word.substring(0, letters)))
            .append(' ')
            .append(word, letters, word.length());
      } else {
        name.append(word.toUpperCase(Locale.ROOT));
      }
    }
    return name.toString();
  }
}
