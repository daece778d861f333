package io.suqi.agents.time;

import java.util.List;

/**
 * What {@link TimeWords} found in a question: the periods it understood, in the order they
 * appear; words that talk about time in a way it does not understand ("since", "2024",
 * "monthly"), so a caller can refuse rather than silently answer for all time; and the question
 * with the understood expressions blanked out, so their numbers are not read as anything else.
 */
public record TimeScan(List<TimeRange> periods, List<String> unrecognised, String remainder) {

  public TimeScan {
    periods = List.copyOf(periods);
    unrecognised = List.copyOf(unrecognised);
  }
}
