package io.stride.profile.profiles;

import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Profile rules that look at more than one field or at the stored profile. Plain Java. */
final class ProfileRules {

  private ProfileRules() {}

  /**
   * @param minimumAge the youngest age an account may have where the athlete lives (their region's
   *     rule, {@link ProfileRegions#minimumAge})
   */
  static void check(
      Profile current,
      UpdateProfileRequest change,
      LocalDate today,
      ProfileRegions.MinimumAge minimumAge) {
    List<FieldError> errors = new ArrayList<>();
    if (change.displayName() != null && change.displayName().isBlank()) {
      errors.add(new FieldError("displayName", "must not be blank"));
    }
    if (change.timeZone() != null && !isIanaZone(change.timeZone())) {
      errors.add(new FieldError("timeZone", "is not an IANA time zone such as Europe/Berlin"));
    }
    LocalDate birthDate = change.birthDate() != null ? change.birthDate() : current.birthDate();
    if ((change.birthDate() != null || change.region() != null)
        && birthDate != null
        && Period.between(birthDate, today).getYears() < minimumAge.years()) {
      errors.add(
          new FieldError(
              change.birthDate() != null ? "birthDate" : "region",
              "athletes must be at least " + minimumAge.years() + minimumAge.where()));
    }
    Integer max = change.maxHeartRate() != null ? change.maxHeartRate() : current.maxHeartRate();
    Integer rest =
        change.restingHeartRate() != null ? change.restingHeartRate() : current.restingHeartRate();
    if (max != null && rest != null && rest >= max) {
      String field = change.restingHeartRate() != null ? "restingHeartRate" : "maxHeartRate";
      errors.add(new FieldError(field, "resting heart rate must be below max heart rate"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** Region-based IANA ids only: offsets like "+02:00" and abbreviations are not time zones. */
  static boolean isIanaZone(String zone) {
    if (!zone.contains("/") && !zone.equals("UTC")) {
      return false;
    }
    try {
      return ZoneId.getAvailableZoneIds().contains(ZoneId.of(zone).getId());
    } catch (DateTimeException e) {
      return false;
    }
  }
}
