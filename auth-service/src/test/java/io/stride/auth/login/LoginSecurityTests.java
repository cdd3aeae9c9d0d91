package io.stride.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stride.auth.web.ErrorPages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoginSecurityTests {

  private final LoginSecurity login = new LoginSecurity(null, new SimpleMeterRegistry());

  @Test
  void aThrottledSignInSaysToWaitTheRealWaitRoundedUp() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest();
    MockHttpServletResponse response = new MockHttpServletResponse();
    login
        .failureHandler()
        .onAuthenticationFailure(
            request, response, new LoginThrottledException(Duration.ofMillis(4_200)));

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(request.getAttribute(ErrorPages.DETAIL))
        .as("what the error page says")
        .asString()
        .contains("Try again in 5 seconds");
  }

  @Test
  void theThrottleMessageRoundsUpToo() {
    assertThat(new LoginThrottledException(Duration.ofMillis(1_200)).getMessage())
        .contains("in 2 s");
  }

  @Test
  void namesThatCannotBeAnEmailNeverReachTheDatabase() {
    assertThat(LoginThrottle.couldBeAnAccount("athlete@example.com")).isTrue();
    assertThat(LoginThrottle.couldBeAnAccount("a\u0000b@example.com")).isFalse();
    assertThat(LoginThrottle.couldBeAnAccount("a".repeat(321))).isFalse();
    assertThat(LoginThrottle.couldBeAnAccount(" ")).isFalse();
  }
}
