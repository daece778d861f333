package io.suqi.orchestrator.classify;

import java.util.regex.Pattern;

/**
 * A question with every number written the same: "revenue of store 12 last month" and "… store 37 …"
 * ask the same thing, so the classifier sees, embeds and remembers one text for both. The terms
 * model already reads every number as one token; this makes the sentence embedding and
 * {@link ClassificationMemo} agree with it, so a question asked for each store in turn pays for its
 * embedding once.
 */
final class QuestionShape {

  /** What every number becomes: a plain one, so the embedding still reads "top 10 stores" as a count. */
  static final String NUMBER = "10";
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\b\\d+\\b");

  private QuestionShape() {}

  /** The text with each run of digits that stands as a word ("12", not the 3 of "q3") as {@link #NUMBER}. */
  static String of(String question) {
    if (question == null || question.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      return question;
    }
    return WHOLE_NUMBER.matcher(question).replaceAll(NUMBER);
  }
}
