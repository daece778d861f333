package io.suqi.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantCommandTest {

  @Test
  void aChangeStoredInTheDefaultDatabaseWithoutAnUpForTheDataDirNamesTheOtherDataDirCase(@TempDir Path dir) {
    // Given a data dir no `suqi up` runs for, and no --postgres (so the default database took the change)
    DataDirOption dataDir = new DataDirOption();
    dataDir.dataDir = dir;

    // When the gates cannot be told
    String note = TenantCommand.notPublished(dataDir, new TenantCommand.PostgresOption());

    // Then the note says where the change went and how a `suqi up` of another data dir learns it now
    assertThat(note).contains("jdbc:postgresql://127.0.0.1:55432/suqi", "no `suqi up` runs for " + dir,
        "another --data-dir", "only when it restarts", "repeat the command with that --data-dir");
  }

  @Test
  void aChangeStoredInANamedDatabaseSaysTheOrchestratorLearnsItWhenItStarts(@TempDir Path dir) {
    DataDirOption dataDir = new DataDirOption();
    dataDir.dataDir = dir;
    TenantCommand.PostgresOption postgres = new TenantCommand.PostgresOption();
    postgres.postgres = "jdbc:postgresql://db.example:5432/suqi";

    assertThat(TenantCommand.notPublished(dataDir, postgres))
        .isEqualTo("note: stored in jdbc:postgresql://db.example:5432/suqi; no `suqi up` runs for " + dir
            + ", so an orchestrator using that database learns this change when it starts");
  }
}
