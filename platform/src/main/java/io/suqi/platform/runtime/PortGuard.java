package io.suqi.platform.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails early, in one line, when a port the runtime needs is taken. */
final class PortGuard {

  private PortGuard() {}

  static void requireFree(int port, String service, String flag) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new PortTakenException("port " + port + " (" + service + ") is already in use; "
          + "stop what holds it or choose another port with " + flag);
    }
  }

  /** A port needed by the runtime is held by another process. */
  static final class PortTakenException extends IllegalStateException {
    PortTakenException(String message) {
      super(message);
    }
  }
}
