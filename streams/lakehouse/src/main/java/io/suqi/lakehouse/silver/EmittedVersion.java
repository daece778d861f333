package io.suqi.lakehouse.silver;

import java.time.Instant;

/**
 * What was last emitted for a transaction: a fingerprint of its content (to emit only changes),
 * its number, and when. The version itself is not kept: after every change {@link TxnState} holds
 * the header and lines with exactly this fingerprint, so the version is rebuilt from them
 * ({@link TxnState#emittedVersion}) rather than stored a second time in the state.
 *
 * @param number the versions of the txn_id emitted so far, this one included
 * @param deleted whether the version was a deletion notice
 * @param emittedAt the version's silver update time
 */
public record EmittedVersion(long fingerprint, int number, boolean deleted, Instant emittedAt) {

  static EmittedVersion of(long fingerprint, SilverTransaction version, int number) {
    return new EmittedVersion(fingerprint, number, false, version.updatedAt());
  }

  /** After a delete: nothing counted, and any later copy differs from it. */
  static EmittedVersion deletion(SilverTransaction deleted, int number) {
    return new EmittedVersion(0, number, true, deleted.updatedAt());
  }
}
