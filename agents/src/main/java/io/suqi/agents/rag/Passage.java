package io.suqi.agents.rag;

/** A passage as read back for an answer: {@code text} is the document body's [start, end). */
public record Passage(String docId, int chunkNo, String title, int start, int end, String text, double cosine) {}
