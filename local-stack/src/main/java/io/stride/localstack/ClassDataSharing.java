package io.stride.localstack;

import io.stride.infra.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * Faster service starts with the JVM's class data sharing (AppCDS): each runnable jar is extracted
 * once per build (Spring Boot's {@code jarmode=tools extract}; classes in nested jars cannot be
 * shared), the first run records the classes it loads into an archive when it stops, and later runs
 * map that archive instead of loading, verifying and parsing the same classes again — on a busy
 * two-core machine the most expensive part of starting four Spring Boot services at once. A rebuilt
 * jar starts the cycle again. {@code -Dstride.cds=false} turns it off; {@code -Dstride.cds=aot}
 * uses JDK 25's ahead-of-time cache instead (JEP 483/514: {@code -XX:AOTCacheOutput} on the first
 * run, {@code -XX:AOTCache} afterwards), which also keeps linked classes and method profiles; on an
 * older JDK it falls back to the dynamic CDS archive.
 */
final class ClassDataSharing {

  private ClassDataSharing() {}

  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty("stride.cds", "true"));
  }

  /** Whether the JDK 25 AOT cache is asked for and this JVM can make one. */
  static boolean aotCache() {
    return "aot".equalsIgnoreCase(System.getProperty("stride.cds", "true"))
        && Runtime.version().feature() >= 25;
  }

  /**
   * JVM options and the jar to run for {@code jar}, extracting it first when needed; {@code
   * archived} tells whether an archive from an earlier run is used.
   */
  record Launch(List<String> arguments, boolean archived) {}

  static Launch launch(String name, Path jar) {
    Path home = jar.getParent().resolve("cds");
    Path extracted = home.resolve(name);
    Path app = extracted.resolve(jar.getFileName());
    boolean aot = aotCache();
    Path archive = home.resolve(name + (aot ? ".aot" : ".jsa"));
    Path built = home.resolve(name + ".jar-checksum");
    try {
      String checksum = checksum(jar);
      if (!Files.exists(app) || !Files.exists(built) || !Files.readString(built).equals(checksum)) {
        Files.deleteIfExists(home.resolve(name + ".jsa"));
        Files.deleteIfExists(home.resolve(name + ".aot"));
        extract(name, jar, extracted);
        Files.writeString(built, checksum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + name + " for class data sharing", e);
    }
    List<String> args = new ArrayList<>();
    boolean archived = Files.exists(archive);
    if (aot) {
      args.add((archived ? "-XX:AOTCache=" : "-XX:AOTCacheOutput=") + archive);
      args.add("-Xlog:aot=off");
      args.add("-Xlog:cds=off");
    } else {
      args.add((archived ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=") + archive);
      args.add("-Xlog:cds=off");
      args.add("-Xlog:cds+dynamic=off");
    }
    args.add("-jar");
    args.add(app.toString());
    return new Launch(args, archived);
  }

  private static void extract(String name, Path jar, Path destination) throws IOException {
    List<String> command = ManagedProcess.javaCommand(List.of("-Djarmode=tools"), null);
    command.addAll(
        List.of(
            "-jar", jar.toString(), "extract", "--force", "--destination", destination.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException("extracting " + name + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while extracting " + name, e);
    }
  }

  /**
   * Size and CRC-32C of the jar and the JVM: builds are reproducible ({@code
   * project.build.outputTimestamp}), so a rebuild without changes keeps the extraction and the
   * archive.
   */
  private static String checksum(Path jar) throws IOException {
    CRC32C crc = new CRC32C();
    try (InputStream in = Files.newInputStream(jar)) {
      byte[] buffer = new byte[1 << 20];
      int read;
      while ((read = in.read(buffer)) > 0) {
        crc.update(buffer, 0, read);
      }
    }
    // an archive only fits the JVM that wrote it
    return Files.size(jar)
        + ":"
        + Long.toHexString(crc.getValue())
        + ":"
        + System.getProperty("java.vm.version")
        + ":"
        + System.getProperty("java.home");
  }
}
