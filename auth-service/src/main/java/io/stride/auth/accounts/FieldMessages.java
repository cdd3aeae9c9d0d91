package io.stride.auth.accounts;

/** How the forms show a validation message next to its field. */
final class FieldMessages {

  private FieldMessages() {}

  /** "must not be blank" → "Must not be blank."; nothing → "Not allowed." */
  static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "Not allowed.";
    }
    String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return text.endsWith(".") ? text : text + ".";
  }
}
