package io.suqi.lakehouse.bronze;

import io.suqi.schemas.Topics;

/** Where an input record came from: a point-of-sale producer or change data capture of the retail tables. */
public enum InputSource {
  POS,
  CDC;

  /** The value stored in the {@code source} columns. */
  public String label() {
    return name().toLowerCase();
  }

  /** The POS topic is the only non-CDC input. */
  public static InputSource ofTopic(String topic) {
    return Topics.POS_TRANSACTIONS.name().equals(topic) ? POS : CDC;
  }
}
