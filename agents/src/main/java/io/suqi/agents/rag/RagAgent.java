package io.suqi.agents.rag;

import io.suqi.agents.AgentConfig;
import io.suqi.agents.AgentRunner;
import io.suqi.schemas.AgentType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The RAG agent: follows kb.documents through CDC into kb.chunks and an in-process index, and
 * answers rag tasks from it with quoted, cited passages.
 */
public final class RagAgent implements AutoCloseable {

  private final KbIndex index = new KbIndex();
  private final KbIndexer indexer;
  private final KbFollower follower;
  private final AgentRunner runner;

  /**
   * @param indexGroupId the CDC follower's consumer group, one per instance (each holds the whole index)
   */
  public RagAgent(AgentConfig agentConfig, String indexGroupId, DataSource dataSource, Embedder embedder,
      Clock clock, RagConfig config) {
    this.indexer = new KbIndexer(new Chunker(config.chunkMaxChars()), new EmbeddingCache(dataSource, embedder),
        new ChunkStore(dataSource), index);
    this.follower = new KbFollower(agentConfig.bootstrapServers(), indexGroupId, indexer);
    this.runner = new AgentRunner(agentConfig, AgentType.RAG,
        new RagAnswerer(embedder, index, new PassageReader(dataSource, config.statementTimeout()), config, clock),
        config.limits());
  }

  /**
   * Rebuilds the index from kb.chunks, then follows CDC and takes tasks.
   *
   * @return documents in the index at start
   */
  public int start() throws SQLException {
    int documents = indexer.rebuild();
    follower.start();
    runner.start();
    return documents;
  }

  /** When the agent last polled for tasks (its heartbeat). */
  public Optional<Instant> lastHeartbeat() {
    return runner.lastHeartbeat();
  }

  /** When the index last polled kb.documents' changes. */
  public Optional<Instant> indexHeartbeat() {
    return follower.lastHeartbeat();
  }

  /** Idempotent. */
  public void stop() {
    runner.stop();
    follower.stop();
  }

  @Override
  public void close() {
    stop();
    index.close();
  }
}
