package io.stride.promo.rules;

/** A region's name for the athlete ("Germany" for {@code DE}); the code itself when unknown. */
@FunctionalInterface
public interface RegionNames {

  String nameOf(String code);
}
