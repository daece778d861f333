package io.suqi.lakehouse.reference;

import java.io.Serializable;

/** Opens {@link ReferenceData} inside a Flink task: the serializable half that travels with the job graph. */
@FunctionalInterface
public interface ReferenceDataSource extends Serializable {

  ReferenceData open() throws Exception;
}
