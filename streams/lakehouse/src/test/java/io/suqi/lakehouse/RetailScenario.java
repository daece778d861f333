package io.suqi.lakehouse;

import io.suqi.lakehouse.RetailJson.Header;
import io.suqi.lakehouse.RetailJson.Item;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A reproducible mix of retail input, as POS terminals and Debezium would write it, with the
 * final truth of every transaction kept on the side so that gold can be computed independently
 * of the job: valid sales, duplicates, refunds after sales, out-of-order delivery, a store's
 * backlog uploaded days late, CDC headers and lines on separate topics, CDC updates and deletes
 * (with tombstones), sales seen from both POS and CDC, and bad records with the expectation they
 * break.
 */
public final class RetailScenario {

  /** The catalogue seeded into retail.*: store → tenant and region, product → tenant and category. */
  public record Store(long id, String tenant, String region) {}

  public record Product(long id, String tenant, String category) {}

  public static final List<Store> STORES = List.of(new Store(1, "t1", "north"), new Store(2, "t1", "south"),
      new Store(3, "t2", "east"), new Store(4, "t1", "west"));
  public static final List<Product> PRODUCTS = List.of(new Product(101, "t1", "food"),
      new Product(102, "t1", "drinks"), new Product(103, "t1", "food"), new Product(201, "t2", "toys"),
      new Product(202, "t2", "books"));
  private static final Store OFFLINE_STORE = STORES.get(3);
  private static final Instant FIRST_DAY = Instant.parse("2026-10-05T00:00:00Z");
  private static final int DAYS = 6;

  /** A transaction's final truth. */
  private record Truth(Header header, List<Item> items, boolean deleted) {}

  private final Random random;
  private final Map<String, Truth> truth = new LinkedHashMap<>();
  private final List<ProducerRecord<String, String>> records = new ArrayList<>();
  private final Map<String, String> expectedQuarantine = new TreeMap<>();
  private long lsn = 1_000;

  public RetailScenario(long seed, int posSales, int cdcSales) {
    random = new Random(seed);
    List<ProducerRecord<String, String>> pos = new ArrayList<>();
    for (int i = 0; i < posSales; i++) {
      Header header = randomHeader("p" + seed + "-" + i, randomStore(), randomTs(FIRST_DAY, DAYS));
      List<Item> items = randomItems(header.tenantId());
      truth.put(header.txnId(), new Truth(header, items, false));
      pos.add(posRecord(header, items));
      if (random.nextInt(100) < 15) {
        pos.add(posRecord(header, items));   // redelivered by the terminal
      }
      if (header.status().equals("completed") && random.nextInt(100) < 10) {
        Header refunded = header.withStatus("refunded");
        pos.add(posRecord(refunded, items));
        truth.put(header.txnId(), new Truth(refunded, items, false));
      }
    }
    List<ProducerRecord<String, String>> cdcHeaders = new ArrayList<>();
    List<ProducerRecord<String, String>> cdcItems = new ArrayList<>();
    for (int i = 0; i < cdcSales; i++) {
      Header header = randomHeader("c" + seed + "-" + i, randomStore(), randomTs(FIRST_DAY, DAYS));
      cdcTransaction(header, randomItems(header.tenantId()), true, cdcHeaders, cdcItems);
    }
    // Sales seen by POS and by CDC (the platform also writes POS sales to the database).
    List<String> posIds = new ArrayList<>(truth.keySet());
    for (String txnId : posIds.subList(0, Math.min(30, posIds.size()))) {
      Truth seen = truth.get(txnId);
      // Not deleted: a POS copy arriving after the delete would bring the sale back (documented).
      cdcTransaction(seen.header(), seen.items(), false, cdcHeaders, cdcItems);
    }
    badRecords(pos, cdcHeaders, cdcItems);
    // POS terminals and the two CDC topics interleave arbitrarily; each keeps its own order.
    Collections.shuffle(pos, random);
    records.addAll(interleave(List.of(pos, cdcHeaders, cdcItems)));
    // A store offline for three days uploads its backlog last.
    for (int i = 0; i < Math.max(10, posSales / 15); i++) {
      Header header = randomHeader("late" + seed + "-" + i, OFFLINE_STORE, randomTs(FIRST_DAY.minus(Duration.ofDays(3)), 3));
      List<Item> items = randomItems(header.tenantId());
      truth.put(header.txnId(), new Truth(header, items, false));
      records.add(posRecord(header, items));
    }
  }

  public List<ProducerRecord<String, String>> records() {
    return records;
  }

  /** Quarantine key → the expectation it breaks. */
  public Map<String, String> expectedQuarantine() {
    return expectedQuarantine;
  }

  /** The failed counts silver.quality_totals must show, as "expectation|failed", sorted. */
  public List<String> expectedQualityFailures() {
    return List.of("discount_in_range|1", "json_well_formed|5", "product_known_for_tenant|2", "quantity_positive|1",
        "status_accepted|1", "store_known_for_tenant|5");
  }

  /** Transactions that exist in the end (not deleted). */
  public long liveTransactions() {
    return truth.values().stream().filter(t -> !t.deleted()).count();
  }

  public long liveLines() {
    return truth.values().stream().filter(t -> !t.deleted()).mapToLong(t -> t.items().size()).sum();
  }

  /** gold.sales_daily computed from the truth: "tenant|store|day" → "revenue|txn_count|units". */
  public Map<String, String> expectedDaily() {
    return expected(t -> List.of(t.header().tenantId() + "|" + t.header().storeId() + "|" + day(t.header().ts())),
        false);
  }

  /** gold.sales_hourly_store: "tenant|store|hour" → "revenue|txn_count|units". */
  public Map<String, String> expectedHourly() {
    return expected(t -> List.of(t.header().tenantId() + "|" + t.header().storeId() + "|"
        + t.header().ts().truncatedTo(ChronoUnit.HOURS).toString().replace("T", " ").replace(":00Z", ":00+00")),
        false);
  }

  /** gold.sales_daily_category_region: "tenant|day|category|region" → "revenue|txn_count|units". */
  public Map<String, String> expectedCategoryRegion() {
    return expected(t -> List.of(), true);
  }

  private interface Keys {
    List<String> of(Truth txn);
  }

  private Map<String, String> expected(Keys keys, boolean byCategory) {
    Map<String, BigDecimal> revenue = new TreeMap<>();
    Map<String, Long> txns = new TreeMap<>();
    Map<String, Long> units = new TreeMap<>();
    for (Truth txn : truth.values()) {
      if (txn.deleted() || !txn.header().status().equals("completed")) {
        continue;
      }
      if (byCategory) {
        Map<String, List<Item>> lines = new TreeMap<>();
        txn.items().forEach(item -> lines.computeIfAbsent(category(item.productId()), c -> new ArrayList<>()).add(item));
        lines.forEach((category, items) -> {
          String key = txn.header().tenantId() + "|" + day(txn.header().ts()) + "|" + category + "|"
              + region(txn.header().storeId());
          add(key, items, revenue, txns, units);
        });
      } else {
        for (String key : keys.of(txn)) {
          add(key, txn.items(), revenue, txns, units);
        }
      }
    }
    Map<String, String> rows = new TreeMap<>();
    revenue.forEach((key, value) -> rows.put(key,
        value.stripTrailingZeros().toPlainString() + "|" + txns.get(key) + "|" + units.get(key)));
    return rows;
  }

  private static void add(String key, List<Item> items, Map<String, BigDecimal> revenue, Map<String, Long> txns,
      Map<String, Long> units) {
    revenue.merge(key, items.stream().map(Item::revenue).reduce(BigDecimal.ZERO, BigDecimal::add), BigDecimal::add);
    txns.merge(key, 1L, Long::sum);
    units.merge(key, items.stream().mapToLong(Item::quantity).sum(), Long::sum);
  }

  private void cdcTransaction(Header header, List<Item> items, boolean mayDelete,
      List<ProducerRecord<String, String>> headers,
      List<ProducerRecord<String, String>> lines) {
    String key = RetailJson.cdcKey(header.txnId());
    headers.add(new ProducerRecord<>(Topics.CDC_TRANSACTIONS.name(), key, RetailJson.cdcHeader("c", header, lsn++)));
    for (Item item : items) {
      lines.add(new ProducerRecord<>(Topics.CDC_TRANSACTION_ITEMS.name(),
          RetailJson.cdcItemKey(header.txnId(), item.lineNo()), RetailJson.cdcItem("c", header.txnId(), item, lsn++)));
    }
    Truth result = new Truth(header, items, false);
    int fate = random.nextInt(100);
    if (fate < 20 && header.status().equals("completed")) {
      Header refunded = header.withStatus("refunded");
      headers.add(new ProducerRecord<>(Topics.CDC_TRANSACTIONS.name(), key, RetailJson.cdcHeader("u", refunded, lsn++)));
      result = new Truth(refunded, items, false);
    } else if (fate >= 90 && mayDelete) {
      for (Item item : items) {
        String itemKey = RetailJson.cdcItemKey(header.txnId(), item.lineNo());
        lines.add(new ProducerRecord<>(Topics.CDC_TRANSACTION_ITEMS.name(), itemKey,
            RetailJson.cdcItemDelete(header.txnId(), item.lineNo(), lsn++)));
        lines.add(new ProducerRecord<>(Topics.CDC_TRANSACTION_ITEMS.name(), itemKey, null));
      }
      headers.add(new ProducerRecord<>(Topics.CDC_TRANSACTIONS.name(), key, RetailJson.cdcHeaderDelete(header.txnId(), lsn++)));
      headers.add(new ProducerRecord<>(Topics.CDC_TRANSACTIONS.name(), key, null));
      result = new Truth(header, items, true);
    }
    truth.put(header.txnId(), result);
  }

  private void badRecords(List<ProducerRecord<String, String>> pos, List<ProducerRecord<String, String>> cdcHeaders,
      List<ProducerRecord<String, String>> cdcItems) {
    Header valid = randomHeader("unused", STORES.get(0), FIRST_DAY.plus(Duration.ofHours(10)));
    List<Item> items = List.of(new Item(1, 101, 1, "4.00", "0"));
    for (int i = 0; i < 5; i++) {
      bad(pos, "bad-json-" + i, "{\"txn_id\": \"bad-json-" + i + "\", \"items\": [", "json_well_formed");
    }
    for (int i = 0; i < 4; i++) {
      String id = "bad-store-" + i;
      bad(pos, id, RetailJson.pos(new Header(id, "t1", 99, null, valid.ts(), "completed", "card"), items),
          "store_known_for_tenant");
    }
    String foreignStore = "bad-foreign-store";
    bad(pos, foreignStore, RetailJson.pos(new Header(foreignStore, "t1", 3, null, valid.ts(), "completed", "card"),
        items), "store_known_for_tenant");
    String zero = "bad-quantity";
    bad(pos, zero, RetailJson.pos(new Header(zero, "t1", 1, null, valid.ts(), "completed", "card"),
        List.of(new Item(1, 101, 0, "4.00", "0"))), "quantity_positive");
    String status = "bad-status";
    bad(pos, status, RetailJson.pos(new Header(status, "t1", 1, null, valid.ts(), "pending", "card"), items),
        "status_accepted");
    String foreignProduct = "bad-foreign-product";
    bad(pos, foreignProduct, RetailJson.pos(new Header(foreignProduct, "t1", 1, null, valid.ts(), "completed",
        "card"), List.of(new Item(1, 201, 1, "4.00", "0"))), "product_known_for_tenant");
    String discount = "bad-discount";
    bad(pos, discount, RetailJson.pos(new Header(discount, "t1", 1, null, valid.ts(), "completed", "card"),
        List.of(new Item(1, 101, 1, "4.00", "5.00"))), "discount_in_range");
    // A CDC line whose product belongs to another tenant: quarantined when it meets its header,
    // the rest of the transaction stays.
    String mixed = "c-mixed";
    Header mixedHeader = new Header(mixed, "t1", 2, null, FIRST_DAY.plus(Duration.ofHours(30)), "completed", "card");
    List<Item> kept = List.of(new Item(1, 102, 2, "2.50", "0"));
    truth.put(mixed, new Truth(mixedHeader, kept, false));
    cdcItems.add(new ProducerRecord<>(Topics.CDC_TRANSACTION_ITEMS.name(), RetailJson.cdcItemKey(mixed, 1),
        RetailJson.cdcItem("c", mixed, kept.get(0), lsn++)));
    String foreignLineKey = RetailJson.cdcItemKey(mixed, 2);
    cdcItems.add(new ProducerRecord<>(Topics.CDC_TRANSACTION_ITEMS.name(), foreignLineKey,
        RetailJson.cdcItem("c", mixed, new Item(2, 202, 1, "8.00", "0"), lsn++)));
    expectedQuarantine.put(foreignLineKey, "product_known_for_tenant");
    cdcHeaders.add(new ProducerRecord<>(Topics.CDC_TRANSACTIONS.name(), RetailJson.cdcKey(mixed),
        RetailJson.cdcHeader("c", mixedHeader, lsn++)));
  }

  private void bad(List<ProducerRecord<String, String>> pos, String key, String value, String expectation) {
    pos.add(new ProducerRecord<>(Topics.POS_TRANSACTIONS.name(), key, value));
    expectedQuarantine.put(key, expectation);
  }

  private List<ProducerRecord<String, String>> interleave(List<List<ProducerRecord<String, String>>> lists) {
    List<ProducerRecord<String, String>> merged = new ArrayList<>();
    int[] next = new int[lists.size()];
    int left = lists.stream().mapToInt(List::size).sum();
    while (left > 0) {
      int pick = random.nextInt(lists.size());
      if (next[pick] < lists.get(pick).size()) {
        merged.add(lists.get(pick).get(next[pick]++));
        left--;
      }
    }
    return merged;
  }

  private ProducerRecord<String, String> posRecord(Header header, List<Item> items) {
    return new ProducerRecord<>(Topics.POS_TRANSACTIONS.name(), header.txnId(), RetailJson.pos(header, items));
  }

  private Header randomHeader(String txnId, Store store, Instant ts) {
    int roll = random.nextInt(100);
    String status = roll < 85 ? "completed" : roll < 95 ? "refunded" : "void";
    Long customer = random.nextBoolean() ? null : (long) random.nextInt(1000);
    return new Header(txnId, store.tenant(), store.id(), customer, ts, status, random.nextBoolean() ? "card" : "cash");
  }

  private Store randomStore() {
    return STORES.get(random.nextInt(3));   // store 4 is offline until its backlog comes
  }

  private Instant randomTs(Instant from, int days) {
    return from.plusSeconds(random.nextInt(days * 24 * 3600));
  }

  private List<Item> randomItems(String tenant) {
    List<Product> products = PRODUCTS.stream().filter(p -> p.tenant().equals(tenant)).toList();
    int count = 1 + random.nextInt(3);
    List<Item> items = new ArrayList<>();
    for (int line = 1; line <= count; line++) {
      Product product = products.get(random.nextInt(products.size()));
      int quantity = 1 + random.nextInt(5);
      BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(5000), 2);
      BigDecimal discount = random.nextInt(4) == 0
          ? price.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(random.nextInt(30)))
              .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN)
          : BigDecimal.ZERO.setScale(2);
      items.add(new Item(line, product.id(), quantity, price.toPlainString(), discount.toPlainString()));
    }
    return items;
  }

  private static String category(long productId) {
    return PRODUCTS.stream().filter(p -> p.id() == productId).findFirst().orElseThrow().category();
  }

  private static String region(long storeId) {
    return STORES.stream().filter(s -> s.id() == storeId).findFirst().orElseThrow().region();
  }

  private static String day(Instant ts) {
    return LocalDate.ofInstant(ts, ZoneOffset.UTC).toString();
  }

  /** SQL that seeds the catalogue into retail.*. */
  public static List<String> catalogueSql() {
    List<String> sql = new ArrayList<>();
    sql.add("INSERT INTO retail.tenants VALUES ('t1', 'Tenant one'), ('t2', 'Tenant two') ON CONFLICT DO NOTHING");
    for (Store store : STORES) {
      sql.add("INSERT INTO retail.stores VALUES (" + store.id() + ", '" + store.tenant() + "', 'Store " + store.id()
          + "', '" + store.region() + "', 'City', '2020-01-01') ON CONFLICT DO NOTHING");
    }
    for (Product product : PRODUCTS) {
      sql.add("INSERT INTO retail.products VALUES (" + product.id() + ", '" + product.tenant() + "', 'SKU"
          + product.id() + "', 'Product " + product.id() + "', '" + product.category() + "', 'Brand', 10.00, 6.00) "
          + "ON CONFLICT DO NOTHING");
    }
    return sql;
  }
}
