package io.stride.integration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTests {

  private final AddressPolicy strict = new AddressPolicy(false);
  private final AddressPolicy local = new AddressPolicy(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "169.254.169.254",
        "169.254.0.1",
        "127.0.0.1",
        "127.255.0.1",
        "192.0.0.8",
        "192.0.2.1",
        "198.18.0.1",
        "198.19.255.1",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:192.168.0.1",
        "::10.0.0.1",
        "::169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::1",
        "2002:a9fe:a9fe::1",
        "2002:0a00:0001::",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "fc00::1",
        "fd00::1",
        "fd00:ec2::254",
        "ff02::1",
        "ff05::2",
        "100::1",
        "2001::1",
        "2001:db8::1",
        "::ffff:0:10.0.0.1",
        "::ffff:0:a9fe:a9fe",
        "2001:2::1",
        "2001:10::1",
        "2001:2f::1",
        "3fff::1",
        "3fff:fff::1",
        "192.88.99.1"
      })
  void refusesEveryAddressOutsidePublicUnicast(String literal) throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "100.63.255.255",
        "100.128.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "169.253.1.1",
        "192.169.0.1",
        "11.0.0.1",
        "223.255.255.254",
        "::ffff:8.8.8.8",
        "2002:0808:0808::1",
        "64:ff9b::808:808",
        "2606:4700:4700::1111",
        "2a00:1450:4001:82b::200e",
        "2001:4860:4860::8888",
        "::ffff:0:808:808",
        "3ff0::1",
        "3fff:1000::1",
        "192.88.98.1"
      })
  void allowsPublicUnicastAddresses(String literal) throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"})
  void allowsLoopbackOnlyWhenLocalRunsAllowIt(String literal) throws UnknownHostException {
    assertThat(strict.refusal(InetAddress.getByName(literal))).isPresent();
    assertThat(local.refusal(InetAddress.getByName(literal))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "169.254.169.254", "fd00:ec2::254", "192.168.0.1"})
  void loopbackBeingAllowedAllowsNothingElseInside(String literal) throws UnknownHostException {
    assertThat(local.refusal(InetAddress.getByName(literal))).isPresent();
  }

  @Test
  void refusesANameWhenAnyOfItsAddressesIsInside() throws UnknownHostException {
    AddressPolicy.Resolver twoFaced =
        host ->
            new InetAddress[] {
              InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")
            };
    assertThatThrownBy(() -> strict.resolve("hooks.example", twoFaced))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("private")
        .hasMessageContaining("10.0.0.7");
  }

  @Test
  void answersTheAddressesItCheckedSoTheConnectionGoesThere() throws UnknownHostException {
    InetAddress checked = InetAddress.getByName("93.184.216.34");
    assertThat(strict.resolve("hooks.example", host -> new InetAddress[] {checked}))
        .containsExactly(checked);
  }

  @Test
  void aNameWithNoAddressIsUnknown() {
    assertThatThrownBy(() -> strict.resolve("hooks.example", host -> new InetAddress[0]))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(RefusedAddressException.class);
  }
}
