package org.tribune.backup;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What an import restored. The accounts now are the archive's: sign in again with one of them.")
public record ImportReport(
        @Schema(description = "When the archive was made") Instant archiveCreatedAt,

        @Schema(description = "The Tribune version that made the archive", examples = "0.1.0")
        String archiveTribuneVersion,

        @Schema(description = "Rows restored per table") Map<String, Long> rows,
        @Schema(description = "Media files restored") int files,

        @Schema(description = "Bytes of media files restored")
        long fileBytes) {}
