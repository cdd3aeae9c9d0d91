package io.stride.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's SMTP server: GreenMail on 127.0.0.1, accepting every email for anyone, sending
 * none on. Each email received is also written to {@code <data>/mail/} as an {@code .eml} file (any
 * mail program or a text editor opens it), so a developer reads the verification and reset links
 * there; the files are named by time only, never by address or subject.
 */
public final class LocalMail implements AutoCloseable {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSS").withZone(ZoneOffset.UTC);

  private final GreenMail server;
  private final Path directory;
  private final ScheduledExecutorService writer;
  private int written;

  private LocalMail(GreenMail server, Path directory) {
    this.server = server;
    this.directory = directory;
    this.writer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "local-mail-writer");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts the server on {@code port}, writing the emails it receives to {@code directory}. */
  public static LocalMail start(int port, Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    LocalMail mail = new LocalMail(server, directory);
    mail.writer.scheduleWithFixedDelay(mail::writeNew, 200, 200, TimeUnit.MILLISECONDS);
    return mail;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int smtpPort() {
    return server.getSmtp().getPort();
  }

  /** Where the {@code .eml} files go. */
  public Path directory() {
    return directory;
  }

  /** Every email received since the start, oldest first. */
  public List<MimeMessage> received() {
    return List.of(server.getReceivedMessages());
  }

  /** Writes the emails received since the last call; also called by the writer thread. */
  synchronized void writeNew() {
    MimeMessage[] all = server.getReceivedMessages();
    for (; written < all.length; written++) {
      Path file =
          directory.resolve(
              FILE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
                  + "-"
                  + String.format("%04d", written + 1)
                  + ".eml");
      try (OutputStream out = Files.newOutputStream(file)) {
        all[written].writeTo(out);
      } catch (IOException | MessagingException e) {
        // a file that cannot be written loses nothing else: the email stays in received()
        System.err.println("could not write " + file + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    writer.shutdownNow();
    writeNew();
    server.stop();
  }
}
