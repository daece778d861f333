package io.suqi.orchestrator.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.ApiKey;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableValueSerdeTest {

  private final TableValueSerde<ApiKey> serde = new TableValueSerde<>(Topics.API_KEYS.valueSerde());

  @Test
  void theSameBytesAreDecodedOnce() {
    // Given a key as its store holds it
    byte[] stored = serde.serializer().serialize("t", key(null));

    // When it is read twice, the second time from another array with the same bytes
    ApiKey first = serde.deserializer().deserialize("t", stored);
    ApiKey second = serde.deserializer().deserialize("t", stored.clone());

    // Then it was decoded once, and both reads gave the key
    assertThat(second).isSameAs(first).isEqualTo(key(null));
  }

  @Test
  void aChangedValueIsDecodedAfresh() {
    // Given a key that was read, then revoked
    byte[] active = serde.serializer().serialize("t", key(null));
    byte[] revoked = serde.serializer().serialize("t", key(Instant.ofEpochMilli(1_700_000_100_000L)));
    serde.deserializer().deserialize("t", active);

    // When the revoked key is read
    ApiKey read = serde.deserializer().deserialize("t", revoked);

    // Then the revocation is seen at once
    assertThat(read.getRevokedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_100_000L));
  }

  @Test
  void aStoreArrayChangedLaterDoesNotChangeWhatWasRemembered() {
    byte[] stored = serde.serializer().serialize("t", key(null));
    serde.deserializer().deserialize("t", stored);
    byte[] original = stored.clone();

    stored[stored.length - 1] ^= 1;   // the store reuses its array

    assertThat(serde.deserializer().deserialize("t", original)).isEqualTo(key(null));
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  private static ApiKey key(Instant revokedAt) {
    return ApiKey.newBuilder().setKeyHash("hash-1").setTenantId("acme").setUserId(null).setRole(KeyRole.ADMIN)
        .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setRevokedAt(revokedAt).build();
  }
}
