package io.suqi.lakehouse.silver;

/**
 * What was last emitted for a transaction: a fingerprint of its content (to emit only changes),
 * the version itself (to take its contributions back exactly, and to hand it to the consumers of
 * {@link SilverChange} as the previous version) and its number.
 *
 * @param version the emitted version; a deletion notice after a delete
 * @param number the versions of the txn_id emitted so far, this one included
 */
public record EmittedVersion(long fingerprint, SilverTransaction version, int number) {

  /** After a delete: nothing counted, and any later copy differs from it. */
  static EmittedVersion deletion(SilverTransaction deleted, int number) {
    return new EmittedVersion(0, deleted, number);
  }

  boolean isDeletion() {
    return version.isDeleted();
  }
}
