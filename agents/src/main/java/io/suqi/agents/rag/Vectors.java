package io.suqi.agents.rag;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;

/** Vectors as PostgreSQL real[] and back, and the cosine between two. */
final class Vectors {

  private Vectors() {}

  static Array toSql(Connection connection, float[] vector) throws SQLException {
    Float[] boxed = new Float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      boxed[i] = vector[i];
    }
    return connection.createArrayOf("float4", boxed);
  }

  static float[] fromSql(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    float[] vector = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      vector[i] = ((Number) values[i]).floatValue();
    }
    return vector;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
