package org.tribune.post.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.tribune.post.Excerpts;

/**
 * Derives again the excerpts Tribune made (they glued headings, captions and table cells into one sentence), and
 * records for every post whether its excerpt leaves anything unread. The derivation is Java's (jsoup), the same that
 * new posts get: hence a Java migration. Posts are read as a stream and written in batches, so that a large site
 * migrates in bounded memory.
 */
public class V22__Post_excerpt_truncated extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE post ADD COLUMN excerpt_truncated BOOLEAN");
        }
        try (Statement read = c.createStatement();
                PreparedStatement write =
                        c.prepareStatement("UPDATE post SET excerpt = ?, excerpt_truncated = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery("SELECT id, content, excerpt, excerpt_derived FROM post")) {
                while (rs.next()) {
                    String content = rs.getString(2);
                    Excerpts.Excerpt excerpt =
                            rs.getBoolean(4) ? Excerpts.derive(content) : Excerpts.given(rs.getString(3), content);
                    write.setString(1, excerpt.text());
                    write.setBoolean(2, excerpt.truncated());
                    write.setObject(3, rs.getObject(1, UUID.class));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE post ALTER COLUMN excerpt_truncated SET NOT NULL");
        }
    }
}
