package io.stride.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class CacheDirectivesTests {

  private static final Duration LIMIT = Duration.ofSeconds(1);

  private static HttpHeaders cacheControl(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl(value);
    return headers;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "max-age=300, public, stale-if-error=86400 | 1000",
        "public, max-age=0 | -1",
        "public, s-maxage=0, max-age=300 | -1",
        "public, max-age=300, s-maxage=\"2\" | 1000",
        "public, max-age=abc | -1",
        "max-age=300 | -1",
        "PUBLIC, MAX-AGE=300 | 1000"
      })
  void onlyAPublicAnswerWithAPositiveLifetimeIsKeptAndNeverLongerThanTheLimit(
      String value, long expectedMillis) {
    var freshness = CacheDirectives.freshness(cacheControl(value), LIMIT);

    if (expectedMillis < 0) {
      assertThat(freshness).as(value).isEmpty();
    } else {
      assertThat(freshness).as(value).contains(Duration.ofMillis(expectedMillis));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "private, no-store",
        "no-cache, no-store, max-age=0, must-revalidate",
        "public, max-age=60, private",
        "public, max-age=60, no-store",
        "public,no-cache,max-age=60"
      })
  void anyDirectiveThatForbidsSharedCachingWinsWhereverItStands(String value) {
    assertThat(CacheDirectives.freshness(cacheControl(value), LIMIT)).as(value).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Accept-Encoding | true",
        "Origin, Access-Control-Request-Method, Accept-Encoding | true",
        "Accept-Language, Accept | true",
        "Authorization | false",
        "Accept-Encoding, Cookie | false",
        "* | false"
      })
  void anAnswerIsKeptOnlyWhenItVariesOnWhatTheKeyHolds(String vary, boolean kept) {
    HttpHeaders headers = cacheControl("public, max-age=60");
    headers.set(HttpHeaders.VARY, vary);

    assertThat(CacheDirectives.freshness(headers, LIMIT).isPresent()).as(vary).isEqualTo(kept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"public, max-age=60"})
  void anAnswerSettingACookieIsNeverKept(String value) {
    HttpHeaders headers = cacheControl(value);
    headers.add(HttpHeaders.SET_COOKIE, "session=abc");

    assertThat(CacheDirectives.freshness(headers, LIMIT)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"abc\" | \"abc\" | true",
        "W/\"abc\" | \"abc\" | true",
        "\"x\", \"abc\" | W/\"abc\" | true",
        "* | \"abc\" | true",
        "\"abd\" | \"abc\" | false"
      })
  void ifNoneMatchUsesTheWeakComparison(String ifNoneMatch, String etag, boolean matches) {
    assertThat(CacheDirectives.matches(ifNoneMatch, etag)).isEqualTo(matches);
  }
}
