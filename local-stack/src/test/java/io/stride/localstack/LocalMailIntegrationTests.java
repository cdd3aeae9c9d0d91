package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.stride.infra.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's SMTP server takes any email and leaves each one readable as a file. */
class LocalMailIntegrationTests {

  @TempDir Path data;

  @Test
  void keepsEveryEmailItReceivesAndWritesItAsAnEmlFileNamedWithoutItsAddress() throws Exception {
    int port = FreePorts.find();
    try (LocalMail mail = LocalMail.start(port, data.resolve("mail"))) {
      assertThat(mail.smtpPort()).isEqualTo(port);
      GreenMailUtil.sendTextEmail(
          "ada@example.com",
          "no-reply@stride.localhost",
          "Reset your password",
          "https://stride.localhost/reset-password?token=abc",
          new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.writeNew();
      mail.writeNew(); // nothing new: nothing written twice

      assertThat(mail.received())
          .singleElement()
          .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Reset your password"));
      List<Path> files;
      try (Stream<Path> listed = Files.list(mail.directory())) {
        files = listed.toList();
      }
      assertThat(files)
          .singleElement()
          .satisfies(
              file -> {
                assertThat(file.getFileName().toString())
                    .endsWith("-0001.eml")
                    .doesNotContain("ada");
                assertThat(Files.readString(file))
                    .contains("Subject: Reset your password", "To: ada@example.com", "token=abc");
              });
    }
  }
}
