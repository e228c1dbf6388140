package org.tribune.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tribune.backup.Tables.Table;
import org.tribune.common.ApiException;

/**
 * Everything an archive must be before a byte of it is written: a manifest of this format, listing exactly the
 * archive's other entries, each with the size and SHA-256 it has. A damaged download, a hand-edited file or a
 * photo swapped in the archive all end here with 400.
 */
final class ArchiveCheck {

    /** Bigger than any manifest: each entry takes about 150 bytes. */
    private static final long MAX_MANIFEST = 256L * 1024 * 1024;

    private static final Pattern ENTRY =
            Pattern.compile("data/[a-z_][a-z0-9_]*\\.json|media/[a-z0-9-]+(/[a-z0-9.-]+)+");

    private ArchiveCheck() {}

    static ApiException invalid(String message) {
        return ApiException.invalid("archive", message);
    }

    static Manifest verify(ZipFile zip, ObjectMapper mapper) throws IOException {
        Map<String, ZipEntry> entries = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (entries.put(e.getName(), e) != null) {
                throw invalid("holds " + e.getName() + " twice");
            }
        }
        ZipEntry manifestEntry = entries.remove(Manifest.PATH);
        if (manifestEntry == null) {
            throw invalid("has no " + Manifest.PATH + ": it was not made by GET /api/v1/admin/export");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest = mapper.readValue(
                    in.readNBytes((int) Math.min(MAX_MANIFEST, Integer.MAX_VALUE - 8)), Manifest.class);
        } catch (IOException e) {
            throw invalid("has a " + Manifest.PATH + " that is not a Tribune manifest");
        }
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw invalid("is not a Tribune archive (format " + manifest.format() + ")");
        }
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw invalid("has format version " + manifest.formatVersion() + "; this Tribune reads version "
                    + Manifest.FORMAT_VERSION);
        }
        if (manifest.entries() == null || manifest.tables() == null) {
            throw invalid("has a manifest without entries or tables");
        }
        Set<String> listed = new TreeSet<>();
        for (Manifest.Entry entry : manifest.entries()) {
            if (entry.path() == null || entry.sha256() == null || !listed.add(entry.path())) {
                throw invalid("has a manifest that lists an entry twice or without its checksum");
            }
            if (!ENTRY.matcher(entry.path()).matches()) {
                throw invalid("lists " + entry.path() + ", which is not a name Tribune writes");
            }
            ZipEntry z = entries.get(entry.path());
            if (z == null) {
                throw invalid("lacks " + entry.path() + ", which its manifest lists");
            }
            try (InputStream in = zip.getInputStream(z)) {
                String sha256 = DigestStream.sha256Of(in, entry.size());
                if (!entry.sha256().equals(sha256)) {
                    throw invalid("holds a " + entry.path() + " that does not match the size and SHA-256 in its"
                            + " manifest: the archive is damaged or was changed");
                }
            } catch (IOException e) {
                throw invalid("holds a " + entry.path() + " that cannot be read: the archive is damaged");
            }
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                throw invalid("holds " + name + ", which its manifest does not list");
            }
        }
        long files = listed.stream().filter(p -> p.startsWith("media/")).count();
        if (files != manifest.files()) {
            throw invalid("holds " + files + " media files, its manifest says " + manifest.files());
        }
        for (Manifest.TableCount table : manifest.tables()) {
            if (table.name() == null || !listed.contains(Manifest.dataPath(table.name()))) {
                throw invalid("lacks the data of the table " + table.name());
            }
        }
        return manifest;
    }

    /** Same tables as this instance: archives are restored by the Tribune version that made them. */
    static void sameTables(Manifest manifest, List<Table> tables, String tribuneVersion) {
        Set<String> archived = manifest.tables().stream()
                .map(Manifest.TableCount::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> here = tables.stream().map(Table::name).collect(Collectors.toCollection(TreeSet::new));
        long dataEntries = manifest.entries().stream()
                .filter(e -> e.path().startsWith("data/"))
                .count();
        if (!archived.equals(here) || dataEntries != here.size()) {
            throw invalid("was made by Tribune " + manifest.tribuneVersion() + " with the tables " + archived
                    + "; this Tribune " + tribuneVersion + " has " + here
                    + ". Restore it with the version that made it.");
        }
    }

    /** The files the restored rows refer to are exactly the archive's, byte for byte. */
    static void sameFiles(Manifest manifest, List<ArchivedFiles.StoredFile> files) {
        Map<String, Manifest.Entry> archived = manifest.entries().stream()
                .filter(e -> e.path().startsWith("media/"))
                .collect(Collectors.toMap(Manifest.Entry::path, e -> e));
        for (ArchivedFiles.StoredFile file : files) {
            Manifest.Entry entry = archived.remove(Manifest.filePath(file.key()));
            if (entry == null) {
                throw invalid("lacks the media file " + file.key() + " that its rows refer to");
            }
            if (entry.size() != file.size() || !entry.sha256().equals(file.sha256())) {
                throw invalid("holds a media file " + file.key() + " whose checksum differs from the one its rows"
                        + " record: the archive was changed");
            }
        }
        if (!archived.isEmpty()) {
            throw invalid("holds media files that no row refers to: "
                    + archived.keySet().iterator().next());
        }
    }
}
