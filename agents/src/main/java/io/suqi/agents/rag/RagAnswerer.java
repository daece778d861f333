package io.suqi.agents.rag;

import io.suqi.agents.AgentResults;
import io.suqi.agents.TaskHandler;
import io.suqi.agents.TenantId;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.ResultStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one RAG task without Kafka: the question is embedded, the asking tenant's passages are
 * ranked (vectors + BM25), those above the relevance threshold are read back under row-level
 * security and quoted with their citations (doc id, title, offsets) and the model. No language
 * model writes anything: the answer is the documents' own words. Never throws: failures are
 * FAILED results with the reason.
 */
public final class RagAnswerer implements TaskHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RagAnswerer.class);
  /** The embedding model reads 256 word pieces at most; longer questions are cut first. */
  private static final int MAX_QUESTION_CHARS = 2000;

  private final Embedder embedder;
  private final KbIndex index;
  private final PassageReader passages;
  private final RagConfig config;
  private final Clock clock;

  public RagAnswerer(Embedder embedder, KbIndex index, PassageReader passages, RagConfig config, Clock clock) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.index = Objects.requireNonNull(index, "index");
    this.passages = Objects.requireNonNull(passages, "passages");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AgentResult handle(AgentTask task) {
    long started = System.nanoTime();
    try {
      TenantId tenant = new TenantId(task.getTenantId());
      String question = task.getQuestion().length() > MAX_QUESTION_CHARS
          ? task.getQuestion().substring(0, MAX_QUESTION_CHARS) : task.getQuestion();
      List<Hit> hits = index.search(tenant, question, embedder.embed(question), config.candidates(), config.retrieved());
      List<Passage> quoted = passages.read(tenant, PassageSelection.quoted(hits, config));
      if (quoted.isEmpty()) {
        List<Hit> closest = hits.stream().sorted(java.util.Comparator.comparingDouble(Hit::cosine).reversed()).toList();
        Answer answer = answer(RagAnswerText.nothingRelevant(closest, config.relevanceThreshold(), embedder.model()),
            List.of(modelCitation()));
        return result(task, ResultStatus.UNANSWERABLE, answer, null, started);
      }
      return result(task, ResultStatus.OK, answer(RagAnswerText.quoting(quoted, embedder.model()), citations(quoted)),
          null, started);
    } catch (SQLException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("rag query {} failed: {}", task.getQueryId(), reason);
      return result(task, ResultStatus.FAILED, answer("The knowledge-base search failed: " + reason, List.of()),
          reason, started);
    }
  }

  private List<Citation> citations(List<Passage> quoted) {
    List<Citation> citations = new ArrayList<>();
    for (Passage passage : quoted) {
      citations.add(Citation.newBuilder().setSourceId(passage.docId()).setTitle(passage.title())
          .setSnippet(passage.text()).setStartOffset(passage.start()).setEndOffset(passage.end()).build());
    }
    citations.add(modelCitation());
    return citations;
  }

  /** The evidence includes the model that ranked the passages (a new model may rank differently). */
  private Citation modelCitation() {
    return Citation.newBuilder().setSourceId(RagCitations.MODEL_PREFIX + embedder.model())
        .setTitle("Embedding model " + embedder.model()).setSnippet(null).setStartOffset(null).setEndOffset(null)
        .build();
  }

  private static Answer answer(String text, List<Citation> citations) {
    return Answer.newBuilder().setText(text).setSql(null).setColumns(List.of()).setColumnTypes(List.of())
        .setRows(List.of()).setCitations(citations).build();
  }

  private AgentResult result(AgentTask task, ResultStatus status, Answer answer, String error, long started) {
    return AgentResults.of(task, status, answer, error, Duration.ofNanos(System.nanoTime() - started), clock.instant());
  }
}
