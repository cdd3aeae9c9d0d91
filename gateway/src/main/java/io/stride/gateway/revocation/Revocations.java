package io.stride.gateway.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens refused before they expire (ADR 0040): every token of an athlete issued before
 * their account was deleted or their password reset, and every token of one app for an athlete
 * issued before they disconnected it. Kept as long as an access token lives, then forgotten (any
 * token issued before then has expired anyway). Compared by whole seconds, as {@code iat} is: a
 * token issued in the second of the revocation (a new sign-in right after a reset) is kept.
 */
public final class Revocations {

  private final Duration keep;
  private final Map<String, Instant> accounts = new ConcurrentHashMap<>();
  private final Map<String, Instant> grants = new ConcurrentHashMap<>();

  /** {@code keep}: the access tokens' lifetime, with room for clock skew. */
  public Revocations(Duration keep) {
    this.keep = keep;
  }

  /** Every token of the account issued before {@code at}. */
  void account(String userId, Instant at) {
    accounts.merge(userId, at.truncatedTo(ChronoUnit.SECONDS), Revocations::later);
  }

  /** Every token of the account issued to {@code clientId} before {@code at}. */
  void grant(String userId, String clientId, Instant at) {
    grants.merge(userId + " " + clientId, at.truncatedTo(ChronoUnit.SECONDS), Revocations::later);
  }

  /** Whether the token was issued before a revocation that covers it. */
  public boolean revoked(Jwt token) {
    Instant issued = token.getIssuedAt();
    String user = token.hasClaim("uid") ? token.getClaimAsString("uid") : token.getSubject();
    if (issued == null || user == null) {
      return false;
    }
    Instant account = accounts.get(user);
    if (account != null && issued.isBefore(account)) {
      return true;
    }
    String client = token.getClaimAsString("client_id");
    Instant grant = client == null ? null : grants.get(user + " " + client);
    return grant != null && issued.isBefore(grant);
  }

  /** Forgets revocations older than a token lives. */
  void forgetBefore(Instant now) {
    Instant horizon = now.minus(keep);
    accounts.values().removeIf(at -> at.isBefore(horizon));
    grants.values().removeIf(at -> at.isBefore(horizon));
  }

  /** How far back revocations matter: the start of a feed's reading. */
  Duration keep() {
    return keep;
  }

  int size() {
    return accounts.size() + grants.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
