package io.suqi.lakehouse.wire;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of records that travel, or are kept in state, with a hand-written serializer instead of
 * Flink's reflective POJO serializer (a tenth of the medallion job's CPU, docs/BENCHMARKS.md).
 * Give it to {@code returns(...)}, an {@code OutputTag} or a state descriptor; it is not a key type.
 */
public final class WireType<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  private final TypeSerializer<T> serializer;

  public WireType(Class<T> typeClass, TypeSerializer<T> serializer) {
    this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer.duplicate();
  }

  @Override
  public String toString() {
    return "WireType<" + typeClass.getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WireType<?> that && that.canEqual(this) && typeClass == that.typeClass
        && serializer.equals(that.serializer);
  }

  @Override
  public int hashCode() {
    return 31 * typeClass.hashCode() + serializer.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof WireType;
  }
}
