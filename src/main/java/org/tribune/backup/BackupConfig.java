package org.tribune.backup;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tribune.backup")
public interface BackupConfig {

    /** The largest archive an import accepts (TRIBUNE_BACKUP_MAX_IMPORT_SIZE); archives hold every media file. */
    @WithDefault("4G")
    MemorySize maxImportSize();
}
