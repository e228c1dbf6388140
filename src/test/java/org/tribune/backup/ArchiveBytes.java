package org.tribune.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** An archive's entries in memory, to look into an export and to make damaged or changed copies of it. */
final class ArchiveBytes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    final Map<String, byte[]> entries = new LinkedHashMap<>();

    static ArchiveBytes of(byte[] zip) {
        ArchiveBytes archive = new ArchiveBytes();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                archive.entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archive;
    }

    ArchiveBytes copy() {
        ArchiveBytes copy = new ArchiveBytes();
        copy.entries.putAll(entries);
        return copy;
    }

    JsonNode json(String name) {
        try {
            return MAPPER.readTree(entries.get(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode manifest() {
        return json("manifest.json");
    }

    /** Writes the manifest again with the current size and checksum of every entry, as a careful forger would. */
    ArchiveBytes resealed() {
        ObjectNode manifest = (ObjectNode) manifest();
        for (JsonNode entry : manifest.get("entries")) {
            byte[] content = entries.get(entry.get("path").asText());
            ((ObjectNode) entry).put("size", content.length).put("sha256", SiteSnapshot.sha256(content));
        }
        try {
            entries.put("manifest.json", MAPPER.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
