package io.suqi.lakehouse.gold;

import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnHeader;
import io.suqi.lakehouse.silver.TxnLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one version of a transaction adds to each gold grain, and the deltas that move gold from
 * one version to the next. Only completed transactions contribute; a refund, void or delete
 * therefore takes the sale's contribution back.
 */
public final class SalesContributions {

  private SalesContributions() {}

  /** The cells a version contributes to; empty unless it is a completed transaction. */
  public static List<SalesCell> of(SilverTransaction txn) {
    if (txn.isDeleted() || !txn.header().isCompleted()) {
      return List.of();
    }
    TxnHeader header = txn.header();
    Instant day = header.ts().truncatedTo(ChronoUnit.DAYS);
    Instant hour = header.ts().truncatedTo(ChronoUnit.HOURS);
    BigDecimal revenue = BigDecimal.ZERO;
    long units = 0;
    // Sorted by category so that contributions (and therefore state and output) are deterministic.
    Map<String, CategoryTotal> byCategory = new TreeMap<>();
    for (TxnLine line : txn.lines()) {
      BigDecimal lineRevenue = line.revenue();
      revenue = revenue.add(lineRevenue);
      units += line.quantity();
      byCategory.computeIfAbsent(line.category(), c -> new CategoryTotal()).add(lineRevenue, line.quantity());
    }
    List<SalesCell> cells = new ArrayList<>();
    cells.add(new SalesCell(SalesGrain.DAILY_STORE, header.tenantId(), header.storeId(), day, null, null,
        revenue, units, 1));
    cells.add(new SalesCell(SalesGrain.HOURLY_STORE, header.tenantId(), header.storeId(), hour, null, null,
        revenue, units, 1));
    byCategory.forEach((category, total) -> cells.add(new SalesCell(SalesGrain.DAILY_CATEGORY_REGION,
        header.tenantId(), null, day, category, header.region(), total.revenue, total.units, 1)));
    return cells;
  }

  /** Revenue and units of one category's lines, added up while the lines are read once. */
  private static final class CategoryTotal {
    private BigDecimal revenue = BigDecimal.ZERO;
    private long units;

    void add(BigDecimal lineRevenue, int quantity) {
      revenue = revenue.add(lineRevenue);
      units += quantity;
    }
  }

  /** The non-zero deltas that turn the {@code before} contributions into the {@code after} ones. */
  public static List<SalesCell> difference(List<SalesCell> before, List<SalesCell> after) {
    if (before.isEmpty()) {
      return nonZero(after);   // a new sale: most versions
    }
    Map<SalesCell.Row, SalesCell> deltas = new LinkedHashMap<>();
    for (SalesCell cell : before) {
      deltas.merge(cell.row(), cell.negated(), SalesCell::plus);
    }
    for (SalesCell cell : after) {
      deltas.merge(cell.row(), cell, SalesCell::plus);
    }
    return nonZero(deltas.values());
  }

  private static List<SalesCell> nonZero(Collection<SalesCell> cells) {
    List<SalesCell> kept = new ArrayList<>(cells.size());
    for (SalesCell cell : cells) {
      if (!cell.isZero()) {
        kept.add(cell);
      }
    }
    return kept;
  }
}
