package io.stride.auth.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who operators make admin ({@code stride.auth.admins}, env {@code STRIDE_AUTH_ADMINS}).
 *
 * @param admins the email addresses, comma-separated in the environment, of the accounts that hold
 *     the role ADMIN once their address is verified; matched like sign-in matches them (case and
 *     surrounding spaces ignored). An address taken off the list loses the role at the next start
 *     (ADR 0030).
 */
@ConfigurationProperties("stride.auth")
record AdminProperties(@DefaultValue List<String> admins) {}
