package io.stride.integration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.integration.safety.TargetUrls.InvalidTargetException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetUrlsTests {

  /** Resolves literals only: no test here asks a real DNS server. */
  private static final AddressPolicy.Resolver LITERALS =
      host -> new InetAddress[] {InetAddress.getByName(host)};

  private final TargetUrls production = new TargetUrls(new AddressPolicy(false), LITERALS);
  private final TargetUrls local = new TargetUrls(new AddressPolicy(true), LITERALS);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://10.0.0.1/hooks | https URL",
        "https://10.0.0.1/hooks | private",
        "https://169.254.169.254/latest/meta-data | link-local",
        "https://[fd00:ec2::254]/ | unique-local",
        "https://[::ffff:10.0.0.1]/ | private",
        "https://127.0.0.1/ | loopback",
        "http://127.0.0.1:8080/ | https URL",
        "ftp://93.184.216.34/ | https URL",
        "/relative | https URL",
        "https://user:pw@93.184.216.34/ | user name",
        "https://93.184.216.34/#x | fragment",
        "https:///path | host"
      })
  void refusesUrlsThatBreakARule(String url, String problem) {
    assertThatThrownBy(() -> production.check(url))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void acceptsHttpsToAPublicAddress() {
    assertThat(production.check("https://93.184.216.34/hooks?key=1")).hasSize(1);
    assertThat(production.check("https://[2606:4700:4700::1111]:8443/hooks")).hasSize(1);
  }

  @Test
  void localRunsAllowHttpToLoopbackOnly() {
    assertThat(local.check("http://127.0.0.1:9000/hooks")).hasSize(1);
    assertThat(local.check("http://[::1]:9000/hooks")).hasSize(1);
    assertThatThrownBy(() -> local.check("http://93.184.216.34/hooks"))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageContaining("http only to loopback");
    assertThatThrownBy(() -> local.check("http://10.0.0.1/hooks"))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessageContaining("private");
  }
}
