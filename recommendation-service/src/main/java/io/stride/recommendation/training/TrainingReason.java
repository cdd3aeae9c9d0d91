package io.stride.recommendation.training;

/**
 * Why today's suggestion is what it is, as a code and the number behind it; the sentence is made on
 * read ({@link #text()}).
 */
public record TrainingReason(String code, String value) {

  static TrainingReason of(String code, Object value) {
    return new TrainingReason(code, String.valueOf(value));
  }

  String text() {
    return switch (code) {
      case "readiness-low" -> "Your readiness is " + value + " of 100: your body asks for rest.";
      case "days-in-a-row" ->
          "You trained " + value + " days in a row: a rest day lets it pay off.";
      case "readiness-moderate" -> "Your readiness is " + value + " of 100: keep it easy today.";
      case "load-spike" ->
          "Your last week's load is "
              + value
              + " times your usual (acute:chronic ratio): ease off to stay clear of injury.";
      case "form-tired" -> "Your form is " + value + ": fatigue is well above fitness.";
      case "recent-demanding" ->
          ("0".equals(value)
                  ? "You had a hard or long session today"
                  : "You had a hard or long session yesterday")
              + ": recover with an easy one.";
      case "no-history" -> "We don't know your training yet: start easy and we'll learn.";
      case "no-long-this-week" ->
          "No long workout in the last seven days and your form (" + value + ") allows one.";
      case "fresh" -> "Your form is " + value + ": you are fresh enough for a hard session.";
      case "readiness-high" -> "Your readiness is " + value + " of 100.";
      case "steady-base" -> "Your form is " + value + ": a steady session builds fitness.";
      case "passed-on" ->
          "You passed on " + value + " sessions twice lately, so something lighter.";
      case "not-today" -> "You said not today to " + value + ": something lighter instead.";
      default -> code;
    };
  }
}
