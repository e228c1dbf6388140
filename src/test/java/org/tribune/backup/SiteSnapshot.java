package org.tribune.backup;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Everything an admin can read from a site, by URL: every page of every collection and every item, with its ETag,
 * every revision of every post, and the SHA-256 of every media file in every size. Two sites with equal snapshots
 * serve the same content to every client.
 */
final class SiteSnapshot {

    private static final List<String> COLLECTIONS = List.of(
            "/api/v1/posts",
            "/api/v1/trash/posts",
            "/api/v1/categories",
            "/api/v1/media",
            "/api/v1/honorary-citizens",
            "/api/v1/prizes",
            "/api/v1/awards",
            "/api/v1/users",
            "/api/v1/api-tokens");
    /** Trashed posts are read through the trash list only. */
    private static final List<String> WITHOUT_ITEMS = List.of("/api/v1/trash/posts");

    private static final List<String> SIZES = List.of("original", "thumbnail", "medium", "large");

    private SiteSnapshot() {}

    /** @param admin a request as an admin, aimed at the site */
    static Map<String, String> take(Supplier<RequestSpecification> admin) {
        Map<String, String> site = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            for (String id : pages(admin, collection, site)) {
                if (WITHOUT_ITEMS.contains(collection)) {
                    continue;
                }
                String item = collection + "/" + id;
                read(admin, item, site);
                if (collection.equals("/api/v1/posts")) {
                    for (String revision : pages(admin, item + "/revisions", site)) {
                        read(admin, item + "/revisions/" + revision, site);
                    }
                }
                if (collection.equals("/api/v1/media")) {
                    List<String> files = new ArrayList<>();
                    for (String size : SIZES) {
                        files.add(item + "/file" + (size.equals("original") ? "" : "?size=" + size));
                    }
                    List<String> renditions =
                            admin.get().get(item).then().extract().jsonPath().getList("renditions.url");
                    files.addAll(renditions);
                    for (String file : files) {
                        Response r = admin.get().get(file);
                        site.put(file, r.statusCode() + " " + r.header("ETag") + " sha256:" + sha256(r.asByteArray()));
                    }
                }
            }
        }
        return site;
    }

    /** Records every page of the collection and returns the ids of its items. */
    private static List<String> pages(
            Supplier<RequestSpecification> admin, String collection, Map<String, String> site) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            String url = collection + "?size=100&page=" + page;
            Response r = read(admin, url, site);
            List<String> onPage = r.jsonPath().getList("items.id");
            ids.addAll(onPage);
            if (page >= r.jsonPath().getInt("totalPages")) {
                return ids;
            }
        }
    }

    private static Response read(Supplier<RequestSpecification> admin, String url, Map<String, String> site) {
        Response r = admin.get().get(url);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + r.statusCode() + ": " + r.asString());
        }
        site.put(url, r.header("ETag") + " " + r.asString());
        return r;
    }

    /** The URLs whose answers differ, each with the start of where they part, to read a failure at a glance. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        Set<String> urls = new TreeSet<>(before.keySet());
        urls.addAll(after.keySet());
        for (String url : urls) {
            String a = before.getOrDefault(url, "(absent)");
            String b = after.getOrDefault(url, "(absent)");
            if (!a.equals(b)) {
                int from = 0;
                while (from < Math.min(a.length(), b.length()) && a.charAt(from) == b.charAt(from)) {
                    from++;
                }
                int start = Math.max(0, from - 60);
                differences.add(url + ": …" + a.substring(start, Math.min(a.length(), from + 80)) + " ≠ …"
                        + b.substring(start, Math.min(b.length(), from + 80)));
            }
        }
        return differences;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
