package io.suqi.orchestrator.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.suqi.schemas.AgentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  @TempDir
  Path dir;

  @Test
  void theBuiltInTablePricesEveryAgent() {
    PriceTable prices = PriceTable.builtIn();
    for (AgentType agent : AgentType.values()) {
      assertThat(prices.perThousandTokens()).containsKey(agent);
    }
    assertThat(prices.cost(AgentType.ANALYTICS, 1_000)).isCloseTo(0.002, offset(1e-12));
  }

  @Test
  void aFileSetsPricesPerAgentAndADefaultForTheOthers() throws Exception {
    Path file = Files.writeString(dir.resolve("prices.properties"), "# ours\nrag = 0.5\nDefault=0.25\n");
    PriceTable prices = PriceTable.load(file);
    assertThat(prices.cost(AgentType.RAG, 2_000)).isCloseTo(1.0, offset(1e-12));
    assertThat(prices.cost(AgentType.ML, 4_000)).isCloseTo(1.0, offset(1e-12));
    assertThat(prices.cost(null, 4_000)).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void aBadFileSaysWhatToFix() throws Exception {
    Path unknown = Files.writeString(dir.resolve("a.properties"), "chatgpt = 1\n");
    assertThatThrownBy(() -> PriceTable.load(unknown)).hasMessageContaining("unknown agent 'chatgpt'")
        .hasMessageContaining("analytics, ml, rag, retail, security or default");
    Path notANumber = Files.writeString(dir.resolve("b.properties"), "ml = cheap\n");
    assertThatThrownBy(() -> PriceTable.load(notANumber)).hasMessageContaining("'ml' must be USD per 1,000 tokens");
    Path negative = Files.writeString(dir.resolve("c.properties"), "ml = -1\n");
    assertThatThrownBy(() -> PriceTable.load(negative)).hasMessageContaining("must be a number >= 0");
    assertThatThrownBy(() -> PriceTable.load(dir.resolve("missing.properties")))
        .hasMessageContaining("cannot read the price table");
  }
}
