package io.stride.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CacheHeadersTests {

  @Test
  void anAnswerNotMarkedPublicLeavesAsPrivateAndNotStored() {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl("no-cache, no-store, max-age=0, must-revalidate");
    headers.set(HttpHeaders.EXPIRES, "0");
    CacheHeaders.apply(headers);
    assertThat(headers.getCacheControl()).isEqualTo("private, no-store");
    assertThat(headers.containsHeader(HttpHeaders.EXPIRES)).isFalse();

    HttpHeaders silent = new HttpHeaders();
    CacheHeaders.apply(silent);
    assertThat(silent.getCacheControl()).isEqualTo("private, no-store");
  }

  @Test
  void aPublicAnswerKeepsItsCachingAndVariesByEncodingOnce() {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl("max-age=300, public");
    headers.setETag("\"abc\"");
    headers.setVary(java.util.List.of("Accept"));
    CacheHeaders.apply(headers);
    CacheHeaders.apply(headers);
    assertThat(headers.getCacheControl()).isEqualTo("max-age=300, public");
    assertThat(headers.getETag()).isEqualTo("\"abc\"");
    assertThat(headers.getVary()).containsExactly("Accept", "Accept-Encoding");
  }
}
