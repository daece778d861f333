package io.suqi.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Registry-free Avro serde: Avro single-object encoding (a 10-byte header naming the writer
 * schema by fingerprint, then the binary record). Records written with any released version of
 * the schema (see {@link SchemaHistory}) are decoded into the current class.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  static {
    trustGeneratedClasses();
  }

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private final Schema schema;

  AvroSerde(Class<T> type, List<Schema> olderVersions) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    // Records without logical types (Routing, Answer, …) are then written and read by their generated
    // code instead of Avro's generic walk over the schema, which the router pays for every task.
    model.setCustomCoders(true);
    this.schema = model.getSchema(type);
    // Not copied by the encoder: encode() copies the bytes out of its reused buffer at once.
    this.encoder = new BinaryMessageEncoder<>(model, schema, false);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
    olderVersions.forEach(decoder::addSchema);
  }

  /** A serde for the current version of {@code type} that also reads its released versions. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type, SchemaHistory.versionsOf(SpecificData.get().getSchema(type).getFullName()));
  }

  /**
   * Avro 1.12 refuses to instantiate classes it was not told to trust; the generated topic
   * classes of this package are ours, so they are added to whatever the JVM already trusts.
   */
  private static synchronized void trustGeneratedClasses() {
    ClassSecurityPredicate existing = ClassSecurityValidator.getGlobal();
    String ourPackage = AvroSerde.class.getPackageName();
    ClassSecurityValidator.setGlobal(
        clazz -> ourPackage.equals(clazz.getPackageName()) || existing.isTrusted(clazz));
  }

  /** The schema records are written with. */
  public Schema schema() {
    return schema;
  }

  public byte[] encode(T value) {
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a record, or throws {@link SerializationException} saying why it is not one. */
  public T decode(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "not a " + type.getSimpleName() + " in Avro single-object encoding: " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }
}
