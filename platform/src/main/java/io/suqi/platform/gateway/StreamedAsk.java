package io.suqi.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStep;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /v1/ask with {@code Accept: text/event-stream}: streams each progress step of the question
 * ({@code event: step}) as it arrives on suqi.response-steps, then {@code event: answer} with the
 * JSON the non-streaming call returns, then ends.
 *
 * <p>The status is sent once the orchestrator has decided: 200 when it takes the question on (a
 * route or plan step arrives), else the answer's own (401, 403, 429 with Retry-After for a gate's
 * rejection; 200 for cached and out-of-scope answers); steps before that (classify) are held until
 * then. No answer within the ask timeout: the answer event has status "timeout" (202 if nothing had
 * been sent yet).
 */
final class StreamedAsk {

  private static final Logger LOG = LoggerFactory.getLogger(StreamedAsk.class);
  /** Steps that come before the orchestrator decides whether it takes the question on. */
  private static final Set<String> UNDECIDED = Set.of("classify", "respond");
  /** The orchestrator's last step of every question: after it, no step of that question follows. */
  private static final String LAST_STEP = "respond";
  /**
   * Steps and responses travel on two topics, read apart: the answer can overtake the last steps
   * produced with it. Waited for at most this long after the answer.
   */
  private static final Duration LAST_STEPS_GRACE = Duration.ofSeconds(1);

  private final ResponseWaiter responses;
  private final StepFeed steps;
  private final AnswerJson answers;
  private final StepJson stepJson;
  private final ObjectMapper json;
  private final Duration askTimeout;

  StreamedAsk(ResponseWaiter responses, StepFeed steps, AnswerJson answers, ObjectMapper json, Duration askTimeout) {
    this.responses = responses;
    this.steps = steps;
    this.answers = answers;
    this.stepJson = new StepJson(json);
    this.json = json;
    this.askTimeout = askTimeout;
  }

  /** Something that queues the question on Kafka, failing as AskEndpoint reports it. */
  @FunctionalInterface
  interface Publish {
    void send(Question question) throws Exception;
  }

  /** Streams the question's progress and answer; a failure to queue it is thrown before anything is sent. */
  void answer(HttpExchange exchange, Question question, Publish publish, long startedNanos) throws Exception {
    String queryId = question.getQueryId();
    BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    steps.follow(queryId, arrivals::add);
    responses.expect(queryId).whenComplete((response, failure) -> arrivals.add(response != null ? response : failure));
    try {
      publish.send(question);
      stream(new EventStream(exchange, json), queryId, arrivals, startedNanos);
    } finally {
      steps.unfollow(queryId);
      responses.forget(queryId);
    }
  }

  private void stream(EventStream stream, String queryId, BlockingQueue<Object> arrivals, long startedNanos)
      throws Exception {
    List<ResponseStep> held = new ArrayList<>();
    long deadline = startedNanos + askTimeout.toNanos();
    Response answer = null;
    boolean lastStepSeen = false;
    try {
      while (answer == null || !lastStepSeen) {
        Object arrival = arrivals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (arrival == null) {
          break; // out of time: for the answer, or for the last steps after it
        }
        if (arrival instanceof Throwable failure) {
          throw new IOException("the answer could not be read: " + failure.getMessage(), failure);
        }
        if (arrival instanceof Response response) {
          answer = response;
          deadline = Math.min(deadline, System.nanoTime() + LAST_STEPS_GRACE.toNanos());
          continue;
        }
        ResponseStep step = (ResponseStep) arrival;
        lastStepSeen |= LAST_STEP.equals(step.getStepName());
        if (stream.open()) {
          stream.send("step", stepJson.of(step));
        } else if (UNDECIDED.contains(step.getStepName())) {
          held.add(step);
        } else {
          open(stream, 200, held);
          stream.send("step", stepJson.of(step));
        }
      }
      if (answer == null) {
        if (!stream.open()) {
          open(stream, 202, held);
        }
        stream.send("answer", answers.timedOut(queryId, millisSince(startedNanos)));
        return;
      }
      if (!stream.open()) {
        HttpStatus status = HttpStatus.of(answer);
        status.retryAfterSeconds().ifPresent(seconds -> stream.header("Retry-After", Long.toString(seconds)));
        open(stream, status.code(), held);
      }
      stream.send("answer", answers.answered(answer, millisSince(startedNanos)));
    } catch (IOException e) {
      if (!stream.open()) {
        throw e;
      }
      LOG.debug("a streamed answer ended early (the client went away?): {}", e.toString());
    } finally {
      try {
        stream.close();
      } catch (IOException e) {
        LOG.debug("closing a streamed answer failed: {}", e.toString());
      }
    }
  }

  private void open(EventStream stream, int status, List<ResponseStep> held) throws IOException {
    stream.open(status);
    for (ResponseStep step : held) {
      stream.send("step", stepJson.of(step));
    }
    held.clear();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
