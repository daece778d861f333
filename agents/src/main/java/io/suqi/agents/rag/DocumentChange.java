package io.suqi.agents.rag;

/** What a change of kb.documents means for the index. */
public sealed interface DocumentChange {

  String docId();

  /** Inserted, updated or read in a snapshot: the document as it now is. */
  record Upsert(KbDocument document) implements DocumentChange {
    @Override
    public String docId() {
      return document.docId();
    }
  }

  record Delete(String docId) implements DocumentChange {}
}
