package io.suqi.lakehouse.reference;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Stores and products held in memory, for tests that do not need Postgres. */
public final class InMemoryReferenceData implements ReferenceData, Serializable {

  private final HashMap<Long, StoreRef> stores = new HashMap<>();
  private final HashMap<Long, ProductRef> products = new HashMap<>();

  /** Tenant t1: stores 1 (north) and 2 (south), products 101 (food) and 102 (drinks); tenant t2: store 3, product 201. */
  public static InMemoryReferenceData standard() {
    return new InMemoryReferenceData()
        .store(1, "t1", "north").store(2, "t1", "south").store(3, "t2", "east")
        .product(101, "t1", "food").product(102, "t1", "drinks").product(201, "t2", "toys");
  }

  public InMemoryReferenceData store(long storeId, String tenantId, String region) {
    stores.put(storeId, new StoreRef(storeId, tenantId, region));
    return this;
  }

  public InMemoryReferenceData product(long productId, String tenantId, String category) {
    products.put(productId, new ProductRef(productId, tenantId, category));
    return this;
  }

  public Map<Long, StoreRef> stores() {
    return stores;
  }

  public Map<Long, ProductRef> products() {
    return products;
  }

  @Override
  public Optional<StoreRef> store(long storeId) {
    return Optional.ofNullable(stores.get(storeId));
  }

  @Override
  public Optional<ProductRef> product(long productId) {
    return Optional.ofNullable(products.get(productId));
  }

  /** A source handing each task a copy of this data. */
  public ReferenceDataSource source() {
    InMemoryReferenceData data = this;
    return () -> data;
  }
}
