package io.suqi.lakehouse.reference;

import java.util.Optional;

/** Lookups of the retail master data that silver checks records against. Used by one task thread. */
public interface ReferenceData extends AutoCloseable {

  Optional<StoreRef> store(long storeId);

  Optional<ProductRef> product(long productId);

  @Override
  default void close() throws Exception {}
}
