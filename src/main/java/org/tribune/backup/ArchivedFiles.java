package org.tribune.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The stored files that rows refer to, for a feature that keeps files beside its rows (media). The backup reads
 * the list on its own connection, so that files and rows come from one snapshot.
 */
public interface ArchivedFiles {

    /** Every file the rows visible on this connection refer to, each once, in key order. */
    List<StoredFile> list(Connection connection) throws SQLException;

    InputStream open(StoredFile file) throws IOException;

    void restore(StoredFile file, Path content) throws IOException;

    /** Removes files written by an import that did not complete. */
    void remove(Collection<StoredFile> files) throws IOException;

    /** @param key a path made of ids and fixed names, such as {@code <media id>/original.jpg} */
    record StoredFile(String key, long size, String sha256) {}
}
