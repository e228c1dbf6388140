package org.tribune.backup;

import java.time.Instant;
import java.util.List;

/**
 * The archive's table of contents, written last (its checksums are known only then) and read first.
 *
 * @param entries every other entry of the archive, with its size and SHA-256: an entry that is missing, extra
 *                or different makes the archive unusable
 */
record Manifest(
        String format,
        int formatVersion,
        Instant createdAt,
        String tribuneVersion,
        String database,
        String schemaVersion,
        List<TableCount> tables,
        int files,
        List<Entry> entries) {

    static final String PATH = "manifest.json";
    static final String FORMAT = "tribune-archive";
    static final int FORMAT_VERSION = 1;

    record TableCount(String name, long rows) {}

    record Entry(String path, long size, String sha256) {}

    static String dataPath(String table) {
        return "data/" + table + ".json";
    }

    static String filePath(String key) {
        return "media/" + key;
    }
}
