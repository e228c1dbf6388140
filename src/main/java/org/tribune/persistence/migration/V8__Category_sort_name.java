package org.tribune.persistence.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.tribune.common.Text;

/**
 * Adds the folded name the category list sorts on in SQL. Folding (accents, ligatures, case) is Java's, the same
 * that names new categories, and neither H2 nor PostgreSQL has it without extensions: hence a Java migration.
 */
public class V8__Category_sort_name extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE category ADD COLUMN sort_name VARCHAR(400)");
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name FROM category")) {
            while (rs.next()) {
                names.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE category SET sort_name = ? WHERE id = ?")) {
            for (Map.Entry<UUID, String> e : names.entrySet()) {
                st.setString(1, Text.fold(e.getValue()));
                st.setObject(2, e.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE category ALTER COLUMN sort_name SET NOT NULL");
        }
    }
}
