package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.silver.SilverWireSamples.DELETED;
import static io.suqi.lakehouse.silver.SilverWireSamples.VERSION;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's own serializer checks on the versions the merger sends to the silver sinks. */
class SilverChangeSerializerTest extends SerializerTestBase<SilverChange> {

  @Override
  protected TypeSerializer<SilverChange> createSerializer() {
    return new SilverChangeSerializer();
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<SilverChange> getTypeClass() {
    return SilverChange.class;
  }

  @Override
  protected SilverChange[] getTestData() {
    return new SilverChange[] {
        new SilverChange(null, VERSION, 1),
        new SilverChange(VERSION, DELETED, 2),
        new SilverChange(DELETED, VERSION, 3),
    };
  }
}
