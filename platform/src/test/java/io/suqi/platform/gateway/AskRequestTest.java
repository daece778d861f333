package io.suqi.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AskRequestTest {

  private final ObjectMapper json = new ObjectMapper();

  private AskRequest parse(String body) {
    return AskRequest.parse(json, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aQuestionWithAContextLimitIsRead() {
    assertThat(parse("{\"question\": \"  top 5 stores \", \"context_limit\": 3}"))
        .isEqualTo(new AskRequest("top 5 stores", 3));
  }

  @Test
  void theContextLimitDefaultsToTen() {
    assertThat(parse("{\"question\": \"revenue by store\"}").contextLimit()).isEqualTo(10);
  }

  @Test
  void eachMistakeIsNamed() {
    assertThatThrownBy(() -> parse("{\"question\":")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> parse("{}")).hasMessageContaining("\"question\" is required");
    assertThatThrownBy(() -> parse("{\"question\": \"  \"}")).hasMessageContaining("non-empty string");
    assertThatThrownBy(() -> parse("{\"question\": 42}")).hasMessageContaining("non-empty string");
    assertThatThrownBy(() -> parse("{\"question\": \"q\", \"context_limit\": 0}"))
        .hasMessageContaining("\"context_limit\" must be an integer from 1 to 100");
    assertThatThrownBy(() -> parse("{\"question\": \"" + "x".repeat(2001) + "\"}"))
        .hasMessageContaining("longer than 2000");
  }
}
