package io.suqi.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

  private final ClauseSplitter splitter = new ClauseSplitter();

  @Test
  void and_tell_me_starts_a_clause_without_its_connecting_words() {
    assertThat(texts("Compare Q3 and Q4 revenue by region and tell me what to stock for Christmas"))
        .containsExactly("Compare Q3 and Q4 revenue by region", "what to stock for Christmas");
  }

  @Test
  void a_question_without_a_boundary_is_one_clause_without_fillers_or_closing_punctuation() {
    assertThat(texts("Please tell me the top 5 stores by revenue last month?")).containsExactly(
        "the top 5 stores by revenue last month");
    assertThat(ClauseSplitter.mayHaveBoundary("the top 5 stores by revenue last month?")).isFalse();
  }

  @Test
  void any_boundary_word_or_mark_sends_the_question_through_the_pattern() {
    for (String question : List.of("a; b", "what? why", "yes! no", "x THEN y", "x Also y", "brand sales")) {
      assertThat(ClauseSplitter.mayHaveBoundary(question)).as(question).isTrue();
    }
  }

  @Test
  void and_between_nouns_is_no_boundary() {
    assertThat(texts("Compare sales of store 1 and store 2 in Q3 and Q4")).containsExactly(
        "Compare sales of store 1 and store 2 in Q3 and Q4");
  }

  @Test
  void semicolons_question_marks_also_and_and_a_question_word_are_boundaries() {
    assertThat(texts("revenue by store last month; what does our returns policy say? also who can see the "
        + "dashboard, and which products should we discount")).containsExactly("revenue by store last month",
        "what does our returns policy say", "who can see the dashboard", "which products should we discount");
  }

  @Test
  void a_clause_joined_by_then_is_marked() {
    // When
    List<Clause> clauses = splitter.split("Show revenue by store last week, then suggest a markdown plan");

    // Then
    assertThat(clauses).containsExactly(new Clause("Show revenue by store last week", false),
        new Clause("suggest a markdown plan", true));
  }

  @Test
  void a_question_without_boundary_is_one_clause_as_asked() {
    assertThat(texts("What were the top 5 stores by revenue last week?"))
        .containsExactly("What were the top 5 stores by revenue last week");
  }

  private List<String> texts(String question) {
    return splitter.split(question).stream().map(Clause::text).toList();
  }
}
