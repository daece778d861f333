package io.suqi.agents.rag;

/**
 * A document found for a question, by its best passage.
 *
 * @param cosine     cosine similarity of question and passage vectors: the relevance the threshold reads
 * @param fusedScore reciprocal-rank fusion of the passage's vector and BM25 ranks: the order
 */
public record Hit(String docId, int chunkNo, String title, double cosine, double fusedScore) {}
