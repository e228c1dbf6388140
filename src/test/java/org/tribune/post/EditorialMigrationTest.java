package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/**
 * Content written before issue 17 comes through its migrations whole: the links a post made keep a stable order,
 * its derived excerpt is derived again without glued headings, and it says whether it is truncated. Run on the
 * database the suite runs on (H2, or PostgreSQL in CI), migrated by Flyway as the application does.
 */
class EditorialMigrationTest {

    private static final String POST = "00000000-0000-0000-0000-00000000f001";

    @Test
    void postsWrittenBeforeKeepTheirLinksInAStableOrderAndGetTheirExcerptDerivedAgain() throws Exception {
        String url =
                ApiTestSupport.freshDatabaseUrl("migration", UUID.randomUUID().toString());
        boolean postgresql = url.startsWith("jdbc:postgresql");
        String user = "tribune";
        String password = "tribune";
        Flyway before = flyway(url, user, password, postgresql, "19");
        before.clean();
        before.migrate();
        List<String> citizens = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            OffsetDateTime now = OffsetDateTime.parse("2025-05-27T10:00:00Z");
            try (PreparedStatement st = c.prepareStatement("INSERT INTO post (id, title, sort_title, slug, excerpt,"
                    + " excerpt_derived, content, lang, published_at, created_at, updated_at, version,"
                    + " publication_set_at) VALUES (?, 'Avant', 'avant', 'avant', ?, TRUE, ?, 'fr', ?, ?, ?, 0, ?)")) {
                st.setObject(1, UUID.fromString(POST));
                st.setString(2, "Un titre Le Conseil a voté Une légende");
                st.setString(
                        3,
                        "<h2>Un titre</h2><p>Le Conseil a voté</p><figure><img src=\"/a.jpg\" alt=\"\">"
                                + "<figcaption>Une légende</figcaption></figure>");
                for (int i = 4; i <= 7; i++) {
                    st.setObject(i, now);
                }
                st.executeUpdate();
            }
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                citizens.add(id.toString());
                try (PreparedStatement st = c.prepareStatement("INSERT INTO honorary_citizen (id, name, sort_name,"
                        + " slug, description, conferred_on, created_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, 'x', DATE '2025-05-27', ?, ?, 0)")) {
                    st.setObject(1, id);
                    st.setString(2, "Citoyen " + i);
                    st.setString(3, "citoyen " + i);
                    st.setString(4, "citoyen-" + i);
                    st.setObject(5, now);
                    st.setObject(6, now);
                    st.executeUpdate();
                }
                try (PreparedStatement st =
                        c.prepareStatement("INSERT INTO post_honorary_citizen (post_id, citizen_id) VALUES (?, ?)")) {
                    st.setObject(1, UUID.fromString(POST));
                    st.setObject(2, id);
                    st.executeUpdate();
                }
            }
        }

        flyway(url, user, password, postgresql, null).migrate();

        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT excerpt, excerpt_truncated FROM post")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Le Conseil a voté");
                assertThat(rs.getBoolean(2)).isTrue();
            }
            List<String> linked = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery("SELECT citizen_id, position FROM post_honorary_citizen ORDER BY position")) {
                while (rs.next()) {
                    linked.add(rs.getObject(1, UUID.class).toString());
                    positions.add(rs.getInt(2));
                }
            }
            assertThat(linked).containsExactlyInAnyOrderElementsOf(citizens);
            assertThat(positions).containsExactly(0, 1, 2);
        }
    }

    private static Flyway flyway(String url, String user, String password, boolean postgresql, String target) {
        var config = Flyway.configure()
                .dataSource(url, user, password)
                .cleanDisabled(false)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/" + (postgresql ? "postgresql" : "h2"),
                        "classpath:org/tribune/persistence/migration",
                        "classpath:org/tribune/post/migration");
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }
}
