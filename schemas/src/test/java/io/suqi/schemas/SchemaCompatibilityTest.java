package io.suqi.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fails the build when a topic schema changes in a way older records cannot be read with
 * (backward compatibility, checked against every released version), or when a compatible change
 * was not recorded as a new version under schemas/history.
 */
class SchemaCompatibilityTest {

  private static final Path PROPOSALS = Path.of("target", "schema-proposals");

  @TestFactory
  List<DynamicTest> everyTopicSchemaReadsAllItsReleasedVersions() {
    Stream<Schema> onTopics = Topics.all().stream()
        .filter(topic -> topic.valueSerde() instanceof AvroSerde<?>)
        .map(topic -> ((AvroSerde<?>) topic.valueSerde()).schema());
    // Internal events that travel inside the lakehouse rather than on a topic of their own.
    Stream<Schema> internal = Stream.of(RetailTransaction.getClassSchema());
    return Stream.concat(onTopics, internal)
        .distinct()
        .map(schema -> DynamicTest.dynamicTest(schema.getFullName(), () -> check(schema)))
        .toList();
  }

  private static void check(Schema current) throws IOException {
    List<Schema> released = SchemaHistory.versionsOf(current.getFullName());
    for (int i = 0; i < released.size(); i++) {
      Schema older = released.get(i);
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, older);
      assertThat(result.getType())
          .as("%s cannot read records written with its released v%d: %s", current.getFullName(), i + 1,
              result.getResult().getIncompatibilities())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
    if (released.isEmpty() || !released.get(released.size() - 1).equals(current)) {
      Path proposal = PROPOSALS.resolve(current.getFullName()).resolve("v" + (released.size() + 1) + ".avsc");
      Files.createDirectories(proposal.getParent());
      Files.writeString(proposal, current.toString(true) + "\n");
      fail("%s changed compatibly but is not recorded as a released version: copy %s to "
          + "schemas/history/%s/", current.getFullName(), proposal.toAbsolutePath(), current.getFullName());
    }
  }
}
