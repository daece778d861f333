package io.suqi.agents.rag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of what is embedded and by which model: equal hashes, equal vectors. */
final class ContentHash {

  private ContentHash() {}

  static String of(String model, String embeddedText) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0); // no model name and text can run into each other
      sha.update(embeddedText.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
