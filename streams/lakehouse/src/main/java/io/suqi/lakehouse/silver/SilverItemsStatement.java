package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Makes silver.transaction_items hold exactly the lines of the current version: lines no longer
 * present are deleted, the others upserted (a deleted transaction has no lines). The lines travel
 * as one JSON array so one statement per version does it all.
 */
public final class SilverItemsStatement implements JdbcQueryStatement<SilverTransaction> {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String query() {
    return "WITH incoming AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS l(line_no int, product_id bigint, "
        + "quantity int, unit_price numeric, discount numeric, category text)), "
        + "removed AS (DELETE FROM silver.transaction_items i WHERE i.txn_id = ?::text "
        + "AND i.line_no NOT IN (SELECT line_no FROM incoming)) "
        + "INSERT INTO silver.transaction_items (txn_id, line_no, product_id, quantity, unit_price, discount, category) "
        + "SELECT ?::text, line_no, product_id, quantity, unit_price, discount, category FROM incoming "
        + "ON CONFLICT (txn_id, line_no) DO UPDATE SET product_id = EXCLUDED.product_id, "
        + "quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price, discount = EXCLUDED.discount, "
        + "category = EXCLUDED.category";
  }

  @Override
  public void statement(PreparedStatement statement, SilverTransaction txn) throws SQLException {
    ArrayNode lines = JsonNodeFactory.instance.arrayNode();
    for (TxnLine line : txn.lines()) {
      ObjectNode row = lines.addObject();
      row.put("line_no", line.lineNo());
      row.put("product_id", line.productId());
      row.put("quantity", line.quantity());
      row.put("unit_price", line.unitPrice());
      row.put("discount", line.discount());
      row.put("category", line.category());
    }
    try {
      statement.setString(1, JSON.writeValueAsString(lines));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("cannot write the lines of " + txn.txnId() + " as JSON", e);
    }
    statement.setString(2, txn.txnId());
    statement.setString(3, txn.txnId());
  }
}
