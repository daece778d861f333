package io.suqi.lakehouse.silver;

/**
 * Only for restoring checkpoints taken before the merge state's retention became its time-to-live:
 * their {@link TxnState} had a field of this type, and Flink needs the class to read the removed
 * field's serializer snapshot (and then drop the field). Nothing creates one any more.
 */
public record Retention(long lastChangeAt, long timerAt) {
}
