package org.tribune.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.tribune.backup.Tables.Column;
import org.tribune.backup.Tables.Table;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.persistence.ContentRestored;
import org.tribune.security.Caller;
import org.tribune.security.Callers;

/**
 * Backups as one ZIP archive: every table as JSON, every media file, and a manifest of sizes and SHA-256
 * checksums. Rows are copied as they are (ids, versions, dates, password hashes), so that a restored site serves
 * the same resources with the same ETags, and its revisions and authors survive; the JSON form of each column is
 * the same on H2 and PostgreSQL, which makes the archive the way from one to the other.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    private static final int BATCH = 500;
    /**
     * What a new instance starts with: its first admin, that admin's API tokens, and the change log of creating
     * them. An import replaces all of them with the archive's.
     */
    /**
     * Tables a new instance already fills: its first admin, the log of creating it, and the site's settings (one row,
     * made by the migration), which the archive's replace.
     */
    private static final Set<String> IN_A_NEW_INSTANCE =
            Set.of("app_user", "api_token", "change_log", "change_log_head", "site_settings");

    private static final String ACCOUNTS = "app_user";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final ArchivedFiles archivedFiles;
    private final Flyway flyway;
    private final Callers callers;
    private final Clock clock;
    private final Event<ContentRestored> restored;
    private final String tribuneVersion;
    private final String database;
    private final Path workDir;

    public BackupService(
            DataSource dataSource,
            ObjectMapper mapper,
            ArchivedFiles archivedFiles,
            Flyway flyway,
            Callers callers,
            Clock clock,
            Event<ContentRestored> restored,
            @ConfigProperty(name = "quarkus.application.version") String tribuneVersion,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String database,
            @ConfigProperty(name = "tribune.data-dir") Path dataDir) {
        this.dataSource = dataSource;
        // Rows are read one at a time from a stream that goes on after each of them.
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.archivedFiles = archivedFiles;
        this.flyway = flyway;
        this.callers = callers;
        this.clock = clock;
        this.restored = restored;
        this.tribuneVersion = tribuneVersion;
        this.database = database;
        this.workDir = dataDir.resolve("tmp");
    }

    /**
     * Writes the archive. Every table and the file list are read in one repeatable-read transaction, so the
     * archive is one consistent moment of the site even while editors keep working.
     */
    public void export(OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                writeArchive(c, out);
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("The export could not read the database", e);
        }
    }

    private void writeArchive(Connection c, OutputStream out) throws SQLException, IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        List<Manifest.Entry> entries = new ArrayList<>();
        List<Manifest.TableCount> counts = new ArrayList<>();
        for (Table table : Tables.read(c)) {
            String path = Manifest.dataPath(table.name());
            zip.putNextEntry(new ZipEntry(path));
            DigestStream entry = new DigestStream(zip);
            counts.add(new Manifest.TableCount(table.name(), writeTable(c, table, entry)));
            entries.add(close(zip, path, entry));
        }
        List<ArchivedFiles.StoredFile> files = archivedFiles.list(c);
        zip.setLevel(Deflater.NO_COMPRESSION); // photos are compressed already: deflating them only costs time
        for (ArchivedFiles.StoredFile file : files) {
            String path = Manifest.filePath(file.key());
            zip.putNextEntry(new ZipEntry(path));
            DigestStream entry = new DigestStream(zip);
            try (InputStream in = archivedFiles.open(file)) {
                in.transferTo(entry);
            }
            Manifest.Entry written = close(zip, path, entry);
            if (written.size() != file.size() || !written.sha256().equals(file.sha256())) {
                // The download is cut short, so that nobody keeps a backup with a damaged photo in it.
                throw new IOException("The stored file " + file.key() + " does not match its checksum");
            }
            entries.add(written);
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        Manifest manifest = new Manifest(
                Manifest.FORMAT,
                Manifest.FORMAT_VERSION,
                clock.now(),
                tribuneVersion,
                database,
                schemaVersion(),
                counts,
                files.size(),
                entries);
        zip.putNextEntry(new ZipEntry(Manifest.PATH));
        zip.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        LOG.infof(
                "Exported %d rows and %d media files",
                counts.stream().mapToLong(Manifest.TableCount::rows).sum(), files.size());
    }

    private static Manifest.Entry close(ZipOutputStream zip, String path, DigestStream entry) throws IOException {
        entry.close();
        zip.closeEntry();
        return new Manifest.Entry(path, entry.size(), entry.sha256Hex());
    }

    private long writeTable(Connection c, Table table, OutputStream out) throws SQLException, IOException {
        long rows = 0;
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("table", table.name());
            json.writeArrayFieldStart("columns");
            for (Column column : table.columns()) {
                json.writeStartObject();
                json.writeStringField("name", column.name());
                json.writeStringField("type", column.kind().label());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            String sql = "SELECT " + table.columns().stream().map(Column::name).collect(Collectors.joining(", "))
                    + " FROM " + table.name()
                    + (table.primaryKey().isEmpty() ? "" : " ORDER BY " + String.join(", ", table.primaryKey()));
            try (Statement st = c.createStatement()) {
                st.setFetchSize(BATCH);
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        json.writeStartArray();
                        for (int i = 0; i < table.columns().size(); i++) {
                            table.columns().get(i).kind().write(rs, i + 1, json);
                        }
                        json.writeEndArray();
                        rows++;
                    }
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return rows;
    }

    private String schemaVersion() {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? null
                : current.getVersion().getVersion();
    }

    /**
     * Restores an archive into this instance, which must hold no content yet: nothing is ever overwritten. The
     * archive is checked whole (manifest, sizes, checksums) before anything is written; rows and files are then
     * written in one transaction, and files already written are removed if anything fails.
     */
    public ImportReport importArchive(InputStream body) throws IOException {
        Caller caller = callers.current();
        Files.createDirectories(workDir);
        Path archive = Files.createTempFile(workDir, "import-", ".zip");
        try {
            receive(body, archive);
            try (ZipFile zip = open(archive)) {
                Manifest manifest = ArchiveCheck.verify(zip, mapper);
                ImportReport report = restore(zip, manifest, caller);
                restored.fire(new ContentRestored());
                LOG.infof(
                        "Imported an archive made %s by Tribune %s: %d rows, %d media files",
                        report.archiveCreatedAt(),
                        report.archiveTribuneVersion(),
                        report.rows().values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                        report.files());
                return report;
            }
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /** The size limit is the route's (see ImportRoute): the HTTP layer stops a larger body before it gets here. */
    private static void receive(InputStream body, Path archive) throws IOException {
        if (Files.copy(body, archive, StandardCopyOption.REPLACE_EXISTING) == 0) {
            throw ApiException.invalid(
                    "archive", "is missing: send the file made by GET /api/v1/admin/export as the body");
        }
    }

    private static ZipFile open(Path archive) {
        try {
            return new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw ArchiveCheck.invalid(
                    "is not a ZIP archive (or is cut short): send the file made by GET /api/v1/admin/export");
        }
    }

    private ImportReport restore(ZipFile zip, Manifest manifest, Caller caller) throws IOException {
        List<ArchivedFiles.StoredFile> written = new ArrayList<>();
        String step = "the accounts";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Table> tables = Tables.read(c);
                ArchiveCheck.sameTables(manifest, tables, tribuneVersion);
                requireEmpty(c, tables, caller);
                long headBefore = changeLogHead(c);
                long epochBefore = changeLogEpoch(c);
                for (int i = tables.size() - 1; i >= 0; i--) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM " + tables.get(i).name());
                    }
                }
                Map<String, Long> rows = new LinkedHashMap<>();
                for (Table table : tables) {
                    step = Manifest.dataPath(table.name());
                    rows.put(table.name(), insert(c, zip, table, manifest));
                }
                // Every instance keys what it caches on the change log's head: after a restore it must be a number
                // neither site has shown before, or a cached answer from before the import could look current. The
                // log is the other site's now: a new epoch ends every changes-feed cursor of either site.
                try (PreparedStatement st =
                        c.prepareStatement("UPDATE change_log_head SET last_seq = ?, epoch = ? WHERE id = 1")) {
                    st.setLong(1, Math.max(headBefore, changeLogHead(c)) + 1);
                    st.setLong(2, Math.max(epochBefore, changeLogEpoch(c)) + 1);
                    st.executeUpdate();
                }
                step = "the media files";
                List<ArchivedFiles.StoredFile> files = archivedFiles.list(c);
                ArchiveCheck.sameFiles(manifest, files);
                long bytes = 0;
                for (ArchivedFiles.StoredFile file : files) {
                    restoreFile(zip, file);
                    written.add(file);
                    bytes += file.size();
                }
                c.commit();
                return new ImportReport(manifest.createdAt(), manifest.tribuneVersion(), rows, files.size(), bytes);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                removeQuietly(written);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22") || state.startsWith("23")) {
                LOG.warnf(e, "An imported archive does not fit the database at %s", step);
                throw ArchiveCheck.invalid("does not fit this database at " + step
                        + ": a value is too long or of the wrong kind, or a reference or a unique value is wrong");
            }
            throw new IOException("The import could not write to the database", e);
        }
    }

    private static long changeLogHead(Connection c) throws SQLException {
        return changeLogValue(c, "last_seq");
    }

    private static long changeLogEpoch(Connection c) throws SQLException {
        return changeLogValue(c, "epoch");
    }

    private static long changeLogValue(Connection c, String column) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + column + " FROM change_log_head WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void requireEmpty(Connection c, List<Table> tables, Caller caller) throws SQLException {
        // Locks the first admin, so that of two imports at once the second waits, then finds content and stops.
        List<UUID> accounts = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM " + ACCOUNTS + " FOR UPDATE")) {
            while (rs.next()) {
                accounts.add(rs.getObject(1, UUID.class));
            }
        }
        List<String> filled = new ArrayList<>();
        for (Table table : tables) {
            if (IN_A_NEW_INSTANCE.contains(table.name())) {
                continue;
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    filled.add(table.name() + " (" + rs.getLong(1) + ")");
                }
            }
        }
        if (!filled.isEmpty()) {
            throw ApiException.conflict("This instance already holds content: " + String.join(", ", filled)
                    + ". An archive is restored only into a new, empty instance, so that nothing is overwritten.");
        }
        if (accounts.size() > 1 || (accounts.size() == 1 && !accounts.get(0).equals(caller.accountId()))) {
            throw ApiException.conflict(
                    "This instance has accounts besides yours. An archive is restored only into a"
                            + " new instance whose only account is the first admin, because the archive brings its own accounts.");
        }
    }

    private long insert(Connection c, ZipFile zip, Table table, Manifest manifest) throws SQLException, IOException {
        String path = Manifest.dataPath(table.name());
        ZipEntry entry = zip.getEntry(path);
        try (InputStream in = zip.getInputStream(entry);
                JsonParser json = mapper.getFactory().createParser(in)) {
            List<Column> columns = readHeader(json, table, path);
            String sql = "INSERT INTO " + table.name() + " ("
                    + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES ("
                    + columns.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
            int parent = table.parentColumn() == null ? -1 : columns.indexOf(table.column(table.parentColumn()));
            int parentKey = parent < 0 ? -1 : columns.indexOf(table.column(table.parentKey()));
            List<Object[]> parents = new ArrayList<>();
            long rows = 0;
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                while (json.nextToken() == JsonToken.START_ARRAY) {
                    JsonNode row = json.readValueAsTree();
                    rows++;
                    if (row.size() != columns.size()) {
                        throw ArchiveCheck.invalid(path + ", row " + rows + ": has " + row.size() + " values for "
                                + columns.size() + " columns");
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = parse(columns.get(i), row.get(i), path, rows);
                        if (i == parent && value != null) {
                            // Rows may refer to rows further down: the parent is set once all rows are in.
                            parents.add(
                                    new Object[] {value, parse(columns.get(parentKey), row.get(parentKey), path, rows)
                                    });
                            value = null;
                        }
                        bind(insert, i + 1, columns.get(i), value);
                    }
                    insert.addBatch();
                    if (rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            if (json.currentToken() != JsonToken.END_ARRAY) {
                throw ArchiveCheck.invalid(path + ": rows must be arrays of values");
            }
            if (!parents.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("UPDATE " + table.name() + " SET "
                        + table.parentColumn() + " = ? WHERE " + table.parentKey() + " = ?")) {
                    for (Object[] p : parents) {
                        bind(update, 1, table.column(table.parentColumn()), p[0]);
                        bind(update, 2, table.column(table.parentKey()), p[1]);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            long expected = manifest.tables().stream()
                    .filter(t -> t.name().equals(table.name()))
                    .mapToLong(Manifest.TableCount::rows)
                    .sum();
            if (rows != expected) {
                throw ArchiveCheck.invalid(path + ": holds " + rows + " rows, the manifest says " + expected);
            }
            return rows;
        } catch (JsonProcessingException e) {
            LOG.warnf("An imported archive has unreadable JSON in %s: %s", path, e.getOriginalMessage());
            throw ArchiveCheck.invalid(path + ": is not the JSON a Tribune export writes");
        }
    }

    /** Reads up to the first row; the archive's columns must be this instance's, in any order. */
    private List<Column> readHeader(JsonParser json, Table table, String path) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT
                || !"table".equals(json.nextFieldName())
                || !table.name().equals(json.nextTextValue())
                || !"columns".equals(json.nextFieldName())
                || json.nextToken() != JsonToken.START_ARRAY) {
            throw ArchiveCheck.invalid(path + ": does not start with the table's name and columns");
        }
        JsonNode declared = json.readValueAsTree();
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode d : declared) {
            Column column = table.column(d.path("name").asText());
            if (column == null || !column.kind().label().equals(d.path("type").asText()) || !seen.add(column.name())) {
                throw ArchiveCheck.invalid(path + ": the column "
                        + d.path("name").asText() + " (" + d.path("type").asText()
                        + ") is not one of this instance's; import into the Tribune version that made the archive");
            }
            columns.add(column);
        }
        if (columns.size() != table.columns().size()) {
            throw ArchiveCheck.invalid(path + ": lacks some of the table's columns; import into the Tribune version"
                    + " that made the archive");
        }
        if (!"rows".equals(json.nextFieldName()) || json.nextToken() != JsonToken.START_ARRAY) {
            throw ArchiveCheck.invalid(path + ": has no rows array after its columns");
        }
        return columns;
    }

    private static Object parse(Column column, JsonNode value, String path, long row) {
        try {
            return column.kind().parse(value);
        } catch (IllegalArgumentException e) {
            throw ArchiveCheck.invalid(path + ", row " + row + ", column " + column.name() + ": " + e.getMessage());
        }
    }

    private static void bind(PreparedStatement st, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            st.setNull(index, column.sqlType());
        } else {
            st.setObject(index, value);
        }
    }

    private void restoreFile(ZipFile zip, ArchivedFiles.StoredFile file) throws IOException {
        Path content = Files.createTempFile(workDir, "restore-", ".part");
        try {
            try (InputStream in = zip.getInputStream(zip.getEntry(Manifest.filePath(file.key())))) {
                Files.copy(in, content, StandardCopyOption.REPLACE_EXISTING);
            }
            archivedFiles.restore(file, content);
        } finally {
            Files.deleteIfExists(content);
        }
    }

    private void removeQuietly(List<ArchivedFiles.StoredFile> written) {
        try {
            archivedFiles.remove(written);
        } catch (IOException e) {
            LOG.warnf(
                    e,
                    "Could not remove the %d files of a failed import; the start-up sweep removes them later",
                    written.size());
        }
    }
}
