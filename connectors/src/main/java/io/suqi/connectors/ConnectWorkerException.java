package io.suqi.connectors;

/** The in-process Kafka Connect worker failed, or a connector on it did. */
public class ConnectWorkerException extends RuntimeException {

  public ConnectWorkerException(String message) {
    super(message);
  }

  public ConnectWorkerException(String message, Throwable cause) {
    super(message, cause);
  }
}
