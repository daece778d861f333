package io.suqi.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.orchestrator.classify.IntentModels;
import io.suqi.platform.runtime.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

class UpCommandTest {

  @Test
  void roles_and_intent_models_are_read_as_the_docs_write_them() {
    // When
    ParseResult parsed = SuqiCli.commandLine().parseArgs("up", "--roles", "orchestrator,agents",
        "--intent-models", "terms");

    // Then
    UpCommand up = (UpCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(up.roles).isEqualTo(Set.of(Role.ORCHESTRATOR, Role.AGENTS));
    assertThat(up.intentModels).isEqualTo(IntentModels.TERMS);
  }

  @Test
  void both_intent_models_by_default() {
    // When
    ParseResult parsed = SuqiCli.commandLine().parseArgs("up");

    // Then
    assertThat(((UpCommand) parsed.subcommand().commandSpec().userObject()).intentModels)
        .isEqualTo(IntentModels.HYBRID);
  }
}
