package io.suqi.agents;

/**
 * The tenant a task is answered for: the one whose rows an agent's database transaction may see.
 * Never blank, because a blank tenant would be a query with no tenant at all.
 */
public record TenantId(String value) {

  public TenantId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a tenant id is required to read tenant data, was "
          + (value == null ? "null" : "'" + value + "'"));
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
