package io.stride.auth.accounts;

/**
 * How an account's owner is named and reached, for the claims the authorization server issues about
 * them (OpenID Connect's {@code profile} and {@code email}).
 *
 * @param email the address as the user typed it at registration
 * @param displayName the name the user chose to be shown
 * @param emailVerified whether the owner proved the address by opening the link sent to it
 */
public record AccountIdentity(String email, String displayName, boolean emailVerified) {}
