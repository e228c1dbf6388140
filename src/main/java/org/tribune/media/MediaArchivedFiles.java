package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.tribune.backup.ArchivedFiles;

/** Media files for backups: one per distinct stored file (sizes an original does not exceed share its file). */
@ApplicationScoped
class MediaArchivedFiles implements ArchivedFiles {

    private final BlobStore blobs;

    MediaArchivedFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public List<StoredFile> list(Connection connection) throws SQLException {
        List<StoredFile> files = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT DISTINCT media_id, file_name, size_bytes, checksum FROM media_rendition ORDER BY media_id, file_name")) {
            while (rs.next()) {
                files.add(new StoredFile(
                        rs.getObject(1, UUID.class) + "/" + rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return files;
    }

    @Override
    public InputStream open(StoredFile file) throws IOException {
        BlobStore.Blob blob = blobs.get(file.key())
                .orElseThrow(() -> new IOException("The media file " + file.key() + " is missing from the storage"));
        return blob.open(0, blob.size());
    }

    @Override
    public void restore(StoredFile file, Path content) throws IOException {
        blobs.put(file.key(), content);
    }

    @Override
    public void remove(Collection<StoredFile> files) throws IOException {
        for (StoredFile file : files) {
            blobs.deleteAll(file.key().substring(0, file.key().indexOf('/')));
        }
    }
}
