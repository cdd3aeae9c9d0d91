package io.stride.promo.rewards;

import io.stride.platform.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Why a code was not redeemed (or a reward not granted), as a problem document with its own type,
 * so a client can tell "used up" from "not eligible"; {@link #outcome} names it in metrics.
 */
public class Refusal extends ErrorResponseException {

  private final String outcome;

  private Refusal(HttpStatus status, String outcome, String title, String detail) {
    super(
        status,
        Problems.problem(status, "promo-" + outcome.replace('_', '-'), title, detail),
        null);
    this.outcome = outcome;
  }

  public String outcome() {
    return outcome;
  }

  public static Refusal unknownCode() {
    return new Refusal(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "unknown_code",
        "Unknown code",
        "No promotion has this code. Check it for typos (case, spaces and dashes do not matter).");
  }

  public static Refusal notYetValid(String starts) {
    return new Refusal(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "not_yet_valid",
        "Not valid yet",
        "This code's promotion starts " + starts + "; redeem it then.");
  }

  public static Refusal expired(String ended) {
    return new Refusal(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "expired",
        "Expired",
        "This code's promotion ended " + ended + ".");
  }

  public static Refusal paused() {
    return new Refusal(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "paused",
        "Paused",
        "This code's promotion is paused; try again later.");
  }

  public static Refusal usedUp() {
    return new Refusal(
        HttpStatus.CONFLICT,
        "used_up",
        "Used up",
        "This code has been redeemed as often as it can be.");
  }

  public static Refusal budgetUsedUp() {
    return new Refusal(
        HttpStatus.CONFLICT,
        "used_up",
        "Used up",
        "This promotion's rewards have all been given out.");
  }

  public static Refusal alreadyRedeemed(boolean code) {
    return new Refusal(
        HttpStatus.CONFLICT,
        "already_redeemed",
        "Already redeemed",
        code
            ? "You have already redeemed this code."
            : "You already have this promotion's reward.");
  }

  public static Refusal notEligible(List<String> reasons) {
    Refusal refusal =
        new Refusal(
            HttpStatus.FORBIDDEN,
            "not_eligible",
            "Not eligible",
            "This promotion is " + String.join("; ", reasons) + ".");
    refusal.getBody().setProperty("reasons", reasons);
    return refusal;
  }
}
