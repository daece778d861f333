package io.suqi.agents.analytics.catalogue;

import io.suqi.agents.analytics.semantic.Dimension;

/**
 * Where a question names a catalogue member: characters {@code [start, end)} of the question.
 *
 * @param exact whether every word matched as written (up to case and plural), not by a typo
 */
public record Mention(int start, int end, Dimension dimension, String value, boolean exact) {}
