package org.tribune.backup;

import jakarta.enterprise.context.ApplicationScoped;
import org.tribune.web.LargeBodyRoute;

/** Archives carry every media file, so the import takes bodies far larger than any other route. */
@ApplicationScoped
class ImportRoute implements LargeBodyRoute {

    static final String PATH = "/api/v1/admin/import";

    private final BackupConfig config;

    ImportRoute(BackupConfig config) {
        this.config = config;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public long maxBodySize() {
        return config.maxImportSize().asLongValue();
    }
}
