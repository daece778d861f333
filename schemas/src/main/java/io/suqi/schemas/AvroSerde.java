package io.suqi.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
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

  /** The single-object encoding's marker, before the schema's fingerprint. */
  private static final byte[] SINGLE_OBJECT_MARKER = {(byte) 0xC3, 0x01};

  /**
   * Each thread's buffer and encoder, reused for every record it encodes. Avro's own message encoder
   * writes through an unbuffered encoder, a synchronized stream call per field; a buffered one
   * writes the record in one call.
   */
  private static final ThreadLocal<EncodingBuffer> BUFFERS = ThreadLocal.withInitial(EncodingBuffer::new);

  private final Class<T> type;
  private final byte[] header;
  private final DatumWriter<T> writer;
  private final BinaryMessageDecoder<T> decoder;

  private final Schema schema;
  private final Serializer<T> serializer = (topic, value) -> value == null ? null : encode(value);
  private final Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode(bytes);

  AvroSerde(Class<T> type, List<Schema> olderVersions) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    // Records without logical types (Routing, Answer, …) are then written and read by their generated
    // code instead of Avro's generic walk over the schema, which the router pays for every task.
    model.setCustomCoders(true);
    this.schema = model.getSchema(type);
    this.header = singleObjectHeader(schema);
    this.writer = new SpecificDatumWriter<>(schema, model);
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

  /** The record in Avro single-object encoding: what {@code BinaryMessageEncoder} writes, byte for byte. */
  public byte[] encode(T value) {
    EncodingBuffer buffer = BUFFERS.get();
    try {
      byte[] bytes = buffer.encode(header, writer, value);
      if (bytes.length > EncodingBuffer.KEPT_BYTES) {
        BUFFERS.remove();   // a rare large record (a long answer) does not keep its buffer alive
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] singleObjectHeader(Schema schema) {
    try {
      byte[] fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema);
      byte[] header = new byte[SINGLE_OBJECT_MARKER.length + fingerprint.length];
      System.arraycopy(SINGLE_OBJECT_MARKER, 0, header, 0, SINGLE_OBJECT_MARKER.length);
      System.arraycopy(fingerprint, 0, header, SINGLE_OBJECT_MARKER.length, fingerprint.length);
      return header;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Avro has no CRC-64-AVRO fingerprint", e);
    }
  }

  /** A thread's output stream and the buffered encoder over it. */
  private static final class EncodingBuffer {
    static final int KEPT_BYTES = 64 * 1024;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    private BinaryEncoder encoder;

    <T> byte[] encode(byte[] header, DatumWriter<T> writer, T value) throws IOException {
      // Reconfiguring flushes what a failed encoding left in the encoder: into the stream, before the reset.
      encoder = EncoderFactory.get().binaryEncoder(out, encoder);
      out.reset();
      out.write(header);
      writer.write(value, encoder);
      encoder.flush();
      return out.toByteArray();
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

  /** One instance each: a state store asks for them at every read and write. */
  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
