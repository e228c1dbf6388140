package org.tribune.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The tables a backup holds, read from the database itself so that a table added by a later migration is in the
 * archive without anyone remembering to list it. Ordered so that every table comes after the tables it refers to.
 */
final class Tables {

    /**
     * Flyway's own bookkeeping; sign-in failures, which only matter for fifteen minutes on one site; and webhook
     * secrets, events, deliveries and the dispatcher's place in the feed. Endpoints are archived without their
     * secrets, so that an archive never holds a key that signs deliveries; a restored endpoint waits for a new one.
     */
    static final Set<String> NOT_ARCHIVED = Set.of(
            "flyway_schema_history",
            "sign_in_failure",
            "representation_seen",
            "webhook_secret",
            "webhook_event",
            "webhook_delivery",
            "webhook_attempt",
            "webhook_dispatch",
            "search_document",
            "search_state");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    record Column(String name, ColumnKind kind, int sqlType) {}

    /**
     * @param parentColumn a column referring to this same table (a category's parent), or null; rows are then
     *                     written parents first
     */
    record Table(String name, List<Column> columns, List<String> primaryKey, String parentColumn, String parentKey) {

        Column column(String name) {
            return columns.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    private Tables() {}

    static List<Table> read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, String> names = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                String key = name.toLowerCase(Locale.ROOT);
                if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && !NOT_ARCHIVED.contains(key)) {
                    if (!NAME.matcher(key).matches()) {
                        throw new IllegalStateException("Unexpected table name " + name);
                    }
                    names.put(key, name);
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String key = e.getKey();
            Set<String> refers = new LinkedHashSet<>();
            String parentColumn = null;
            String parentKey = null;
            try (ResultSet rs = meta.getImportedKeys(null, schema, e.getValue())) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (target.equals(key)) {
                        parentColumn = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                        parentKey = rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                    } else if (names.containsKey(target)) {
                        refers.add(target);
                    }
                }
            }
            Map<Short, String> primaryKey = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, e.getValue())) {
                while (rs.next()) {
                    primaryKey.put(
                            rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            tables.put(
                    key,
                    new Table(
                            key, columns(connection, key), List.copyOf(primaryKey.values()), parentColumn, parentKey));
            dependencies.put(key, refers);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> d : dependencies.entrySet()) {
                if (!placed.contains(d.getKey()) && placed.containsAll(d.getValue())) {
                    placed.add(d.getKey());
                    ordered.add(tables.get(d.getKey()));
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Tables refer to each other in a cycle: " + dependencies);
            }
        }
        return ordered;
    }

    private static List<Column> columns(Connection connection, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i).toLowerCase(Locale.ROOT);
                columns.add(new Column(
                        name,
                        ColumnKind.of(table, name, md.getColumnType(i), md.getColumnTypeName(i)),
                        md.getColumnType(i)));
            }
        }
        return columns;
    }
}
