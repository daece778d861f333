package io.suqi.orchestrator.cost;

import io.suqi.schemas.AgentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * USD per 1,000 tokens, per agent, for {@code cost_usd} in scout.ai_orchestration_log. Read from
 * a properties file — one line per agent ({@code analytics = 0.002}) and {@code default} for the
 * agents without one — or the built-in table ({@code prices.properties} in this module).
 *
 * @param perThousandTokens the agents with a price of their own
 * @param fallback the price of every other agent
 */
public record PriceTable(Map<AgentType, Double> perThousandTokens, double fallback) {

  static final String DEFAULT_KEY = "default";
  private static final String BUILT_IN = "/prices.properties";

  public PriceTable {
    perThousandTokens = Map.copyOf(perThousandTokens);
    perThousandTokens.forEach((agent, price) -> requirePrice(price, agent.name().toLowerCase(Locale.ROOT)));
    requirePrice(fallback, DEFAULT_KEY);
  }

  /** Every step free: for tests and benchmarks that do not look at cost. */
  public static PriceTable free() {
    return new PriceTable(Map.of(), 0);
  }

  /** The table shipped with Suqi. */
  public static PriceTable builtIn() {
    try (InputStream in = PriceTable.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the built-in price table " + BUILT_IN + " is missing from the classpath");
      }
      return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "the built-in price table");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table in {@code file}; the message of a bad file says which line to fix and how. */
  public static PriceTable load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the price table " + file + ": " + e.getMessage(), e);
    }
  }

  static PriceTable parse(Reader reader, String origin) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    Map<AgentType, Double> prices = new EnumMap<>(AgentType.class);
    double fallback = 0;
    for (String key : properties.stringPropertyNames()) {
      String name = key.trim().toLowerCase(Locale.ROOT);
      double price = number(properties.getProperty(key), key, origin);
      if (name.equals(DEFAULT_KEY)) {
        fallback = price;
      } else {
        prices.put(agent(name, origin), price);
      }
    }
    return new PriceTable(prices, fallback);
  }

  /** USD for {@code tokens} tokens of {@code agent}'s work. */
  public double cost(AgentType agent, long tokens) {
    double price = agent == null ? fallback : perThousandTokens.getOrDefault(agent, fallback);
    return tokens * price / 1_000.0;
  }

  private static AgentType agent(String name, String origin) {
    try {
      return AgentType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String known = Arrays.stream(AgentType.values()).map(a -> a.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(origin + ": unknown agent '" + name + "'; use one of " + known + " or "
          + DEFAULT_KEY, e);
    }
  }

  private static double number(String value, String key, String origin) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(origin + ": the price of '" + key + "' must be USD per 1,000 tokens as a "
          + "number such as 0.002, was '" + value + "'", e);
    }
  }

  private static void requirePrice(double price, String key) {
    if (!Double.isFinite(price) || price < 0) {
      throw new IllegalArgumentException("the price of '" + key + "' must be a number >= 0 (USD per 1,000 tokens), was "
          + price);
    }
  }
}
