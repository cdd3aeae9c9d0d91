package io.stride.auth.accounts;

/**
 * The answer to every well-formed registration, whether or not the email was free: telling the two
 * apart would let anyone probe which addresses have accounts.
 */
record RegistrationResponse(String status, String message) {

  static final RegistrationResponse ACCEPTED =
      new RegistrationResponse(
          "accepted",
          "If this email address can be used, the account is ready: sign in with it. If you"
              + " already have an account, sign in or reset your password.");
}
