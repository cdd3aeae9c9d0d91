package io.stride.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds ports nobody listens on, for servers that must be told their port before they start. A port
 * found is free when found, not held: the system may hand it out again before its server binds it.
 * So a port is never given twice in one JVM (a stack whose service ports are chosen first and whose
 * broker's port is chosen at its start once got a service's port for the broker).
 */
public final class FreePorts {

  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  public static int find() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = anyFree();
      if (GIVEN.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port that was not given out already");
  }

  private static int anyFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
