package io.suqi.orchestrator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentType;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheKeyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Top 5 stores?                       | top 5 stores",
      "'  top   5   stores  '              | top 5 stores",
      "revenue—by region, Q3 (2025)...     | revenue by region q3 2025",
      "snake_case and a-b/c                | snake case and a b c",
      "¿Qué tiendas vendieron más?         | qué tiendas vendieron más",
      "Ⅻ stores, ½ off, 𝟘 returns          | ⅻ stores ½ off 𝟘 returns",
      "'?!'                                | ''",
      "Top 5 stores—by revenue?            | top 5 stores by revenue",
      "ΟΔΟΣ stores                         | οδος stores"})
  void case_punctuation_and_spacing_do_not_matter(String question, String normalised) {
    assertThat(CacheKey.normalised(question)).isEqualTo(normalised);
  }

  @Test
  void every_ascii_character_is_kept_or_separated_as_the_unicode_rule_says() {
    StringBuilder everyAscii = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      everyAscii.append(c).append("x").append(c).append(c);
    }
    String text = everyAscii.toString();

    assertThat(CacheKey.normalised(text))
        .isEqualTo(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip());
  }

  @Test
  void tenant_agent_and_context_limit_each_make_a_key_of_their_own() {
    String key = CacheKey.of("acme", AgentType.ANALYTICS, 10, "Top 5 stores?");

    assertThat(key).isEqualTo(CacheKey.of("acme", AgentType.ANALYTICS, 10, "top 5 stores"))
        .isNotEqualTo(CacheKey.of("globex", AgentType.ANALYTICS, 10, "top 5 stores"))
        .isNotEqualTo(CacheKey.of("acme", AgentType.RETAIL, 10, "top 5 stores"))
        .isNotEqualTo(CacheKey.of("acme", AgentType.ANALYTICS, 20, "top 5 stores"));
  }
}
