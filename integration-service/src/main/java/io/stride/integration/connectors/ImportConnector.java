package io.stride.integration.connectors;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A platform athletes can pull their activities from (ADR 0042): its OAuth 2 authorization code
 * flow, token refresh, the activities started after a time, and one activity as a file
 * workout-service reads. Every call to the platform's API is counted against its rate limits
 * ({@link ConnectorQuota}) before it is made; when they are used up it throws {@link
 * ConnectorException.RateLimited}.
 */
interface ImportConnector {

  /** The source's id in paths and rows, e.g. {@code strava}. */
  String source();

  /** Its name shown to athletes, e.g. {@code Strava}. */
  String displayName();

  /** Whether this server is set up to use it (an operator registered Stride there). */
  boolean enabled();

  /** The redirect URIs athletes may be sent back to; the first one unless the app asks. */
  List<String> redirectUris();

  /** The platform's consent page for the athlete, carrying {@code state}. */
  URI authorizationUrl(String state, String redirectUri);

  /** Exchanges the code the consent page gave for the athlete's tokens. */
  RemoteGrant exchange(String code);

  /** New tokens for a refresh token (platforms may rotate the refresh token too). */
  RemoteTokens refresh(String refreshToken);

  /** Activities started after {@code after}, oldest first, at most {@code limit}. */
  List<RemoteActivity> activitiesAfter(String accessToken, Instant after, int limit);

  /** The activity as an activity file, or empty when nothing was recorded (a manual entry). */
  Optional<RemoteFile> file(String accessToken, RemoteActivity activity);

  /** Tells the platform the athlete unlinked Stride (best effort: failures are only logged). */
  void deauthorize(String accessToken);

  /** An access token, the refresh token, and when the access token expires. */
  record RemoteTokens(String accessToken, String refreshToken, Instant expiresAt) {}

  /** Tokens for the athlete's account there, its id and name, the scopes it granted. */
  record RemoteGrant(
      RemoteTokens tokens, String remoteId, String remoteName, List<String> scopes) {}

  /**
   * One activity on the platform.
   *
   * @param visibility Stride's visibility it maps to: {@code public}, {@code followers}, {@code
   *     private}
   */
  record RemoteActivity(
      String id,
      String name,
      String sportType,
      Instant startTime,
      long elapsedSeconds,
      double distanceMeters,
      boolean manual,
      String visibility,
      String deviceName) {}

  /** An activity file made of the activity, and what Stride should call and show it as. */
  record RemoteFile(String fileName, byte[] content, String sport) {}
}
