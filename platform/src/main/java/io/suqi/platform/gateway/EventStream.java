package io.suqi.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events response: headers once (its status decided late), then {@code event: NAME}
 * and one line of JSON {@code data} per event, each flushed as its own chunk.
 */
final class EventStream {

  private final HttpExchange exchange;
  private final ObjectMapper json;
  private OutputStream out;

  EventStream(HttpExchange exchange, ObjectMapper json) {
    this.exchange = exchange;
    this.json = json;
  }

  boolean open() {
    return out != null;
  }

  /** A header to send with the others, before {@link #open(int)}. */
  void header(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  /** Sends the headers: the status is fixed from here on. */
  void open(int status) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(status, 0); // 0: chunked, the length is not known up front
    out = exchange.getResponseBody();
  }

  void send(String event, JsonNode data) throws IOException {
    // Compact JSON has no line breaks, so one data line carries it whole.
    out.write(("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Ends the stream (the final empty chunk). */
  void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
