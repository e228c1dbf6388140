// The mixed load of scripts/cluster-faults.sh, with nothing but the JDK: `java Load.java <settings>`.
//
// Clients read, create, update with If-Match, delete, upload photos and sign in through the load balancer, while one
// more client follows the changes feed. Every answer is recorded with the phase it started and ended in, which the
// script writes to a file as it injects faults. When the stop file appears, the load ends and the checks run:
// every acknowledged write is found, every acknowledged photo reads back with its checksum, the synced client holds
// what the list returns, a token works on every instance, and no answer broke the error rules. The figures go to
// standard output; the exit code is 1 when a check failed.
//
// Settings (name=value arguments): base, instances (comma-separated), password (admin), phase-file, stop-file,
// clients, receiver-log, webhook-secret-file, report.

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

public class Load {

    /** What an error body must never show: a stack frame, a class or package name, SQL. */
    static final Pattern LEAK = Pattern.compile(
            "(?i)exception\\b|\\tat |\\bat [a-z]+\\.[a-z]+\\.|\\b(org\\.(tribune|hibernate|postgresql|jboss)|java\\.[a-z]+|io\\.(quarkus|vertx|agroal)|software\\.amazon)\\.|sqlstate|\\bselect\\b.+\\bfrom\\b|\\binsert into\\b");

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    static final Pattern CHECKSUM = Pattern.compile("\"checksum\":\"([0-9a-f]{64})\"");
    static final Pattern TITLE = Pattern.compile("\"title\":\"([^\"]*)\"");
    static final Pattern CHANGE = Pattern.compile("\"type\":\"([a-z]+)\",\"id\":\"([0-9a-f-]{36})\",\"action\":\"([a-z]+)\"");
    static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    static final Pattern TOTAL = Pattern.compile("\"totalItems\":(\\d+)");

    record Sample(String startPhase, String endPhase, String op, int status, long micros, String retryAfter,
            boolean leak) {}

    /** One post a client owns: what it was last acknowledged as, and what it may hold since (unacknowledged). */
    static final class Owned {
        final String id;
        String etag;
        String acknowledgedTitle;
        final Set<String> unacknowledged = new HashSet<>();
        boolean deleteAcknowledged;
        boolean deleteUnacknowledged;

        Owned(String id, String title, String etag) {
            this.id = id;
            this.acknowledgedTitle = title;
            this.etag = etag;
        }
    }

    record Photo(String id, String checksum, String sentSha256) {}

    static String base;
    static List<String> instances;
    static Path phaseFile;
    static Path stopFile;
    static volatile String phase = "start";
    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    static final List<Owned> owned = new CopyOnWriteArrayList<>();
    static final List<Photo> photos = new CopyOnWriteArrayList<>();
    static final List<String> failures = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> transportErrors = new ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger unansweredOutsideKill = new java.util.concurrent.atomic.AtomicInteger();
    static final Map<String, Boolean> held = new ConcurrentHashMap<>();
    static String adminToken;
    static String editorPassword = "load-editor-password";

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        base = settings.get("base");
        instances = List.of(settings.get("instances").split(","));
        phaseFile = Path.of(settings.get("phase-file"));
        stopFile = Path.of(settings.get("stop-file"));
        int clients = Integer.parseInt(settings.getOrDefault("clients", "12"));

        Thread phases = new Thread(Load::followPhases, "phases");
        phases.setDaemon(true);
        phases.start();

        adminToken = signIn("admin", settings.get("password"));
        String category = field(ID, send("setup", post("/api/v1/categories", adminToken,
                "{\"name\": \"Charge " + System.nanoTime() + "\"}")).body());
        List<String> editors = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "load-editor-" + i;
            expect(send("setup", post("/api/v1/users", adminToken, "{\"username\": \"" + name
                    + "\", \"displayName\": \"Load editor " + i + "\", \"role\": \"editor\", \"password\": \"" + editorPassword + "\"}")), 201);
            editors.add(name);
        }
        String earlyToken = signIn(editors.get(0), editorPassword);

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            threads.add(new Thread(() -> client(n, editors.get(n), category), "client-" + i));
        }
        threads.add(new Thread(Load::syncClient, "sync"));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }

        System.out.println();
        report();
        verify(earlyToken, settings);
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("ok: every check held");
        } else {
            failures.forEach(f -> System.out.println("FAILED: " + f));
            System.exit(1);
        }
    }

    static void followPhases() {
        while (true) {
            try {
                phase = Files.readString(phaseFile).trim();
                Thread.sleep(50);
            } catch (IOException | InterruptedException e) {
                // The file is rewritten in place: read it again.
            }
        }
    }

    static boolean stopping() {
        return Files.exists(stopFile);
    }

    static boolean steady(String phase) {
        return phase.startsWith("steady") || phase.equals("start");
    }

    // ---- one client ---------------------------------------------------------------------------------------------

    static void client(int n, String username, String category) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String token = null;
        List<Owned> mine = new ArrayList<>();
        int serial = 0;
        while (!stopping()) {
            try {
                if (token == null) {
                    token = signIn(username, editorPassword);
                    continue;
                }
                int dice = random.nextInt(100);
                if (dice < 20) {
                    send("read list", get("/api/v1/posts?size=20", null));
                } else if (dice < 35) {
                    String id = anyPost(random);
                    send("read post", get(id == null ? "/api/v1/posts?size=1" : "/api/v1/posts/" + id, null));
                } else if (dice < 45) {
                    readPhoto(random);
                } else if (dice < 50) {
                    send("read categories", get("/api/v1/categories", null));
                } else if (dice < 62 || mine.isEmpty()) {
                    String title = "Post " + n + "-" + (++serial);
                    HttpResponse<String> r = send("create", post("/api/v1/posts", token, "{\"title\": \"" + title
                            + "\", \"content\": \"<p>" + title + "</p>\", \"status\": \"published\", \"categories\": [\""
                            + category + "\"]}"));
                    if (r != null && r.statusCode() == 201) {
                        Owned o = new Owned(field(ID, r.body()), title, etag(r));
                        mine.add(o);
                        owned.add(o);
                    }
                } else if (dice < 80) {
                    update(mine.get(random.nextInt(mine.size())), token, n, ++serial);
                } else if (dice < 84) {
                    Owned victim = mine.remove(random.nextInt(mine.size()));
                    delete(victim, token);
                } else if (dice < 92) {
                    upload(token, random);
                } else {
                    token = signIn(username, editorPassword);
                }
            } catch (RuntimeException e) {
                failures.add("client " + n + " stopped on " + e);
                return;
            }
        }
    }

    static String anyPost(ThreadLocalRandom random) {
        if (owned.isEmpty()) {
            return null;
        }
        return owned.get(random.nextInt(owned.size())).id;
    }

    static void readPhoto(ThreadLocalRandom random) {
        if (photos.isEmpty()) {
            send("read photo", get("/api/v1/media?size=5", null));
            return;
        }
        Photo p = photos.get(random.nextInt(photos.size()));
        send("read photo", get("/api/v1/media/" + p.id + "/file?size=medium", null));
    }

    static void update(Owned o, String token, int n, int serial) {
        String title = "Post " + n + "-" + serial + " updated";
        if (o.etag == null) {
            HttpResponse<String> current = send("update", get("/api/v1/posts/" + o.id, token));
            if (current == null || current.statusCode() != 200) {
                return;
            }
            o.etag = etag(current);
        }
        HttpRequest patch = base("/api/v1/posts/" + o.id, token)
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", o.etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\"}"))
                .build();
        HttpResponse<String> r = send("update", patch);
        if (r != null && r.statusCode() == 200) {
            o.acknowledgedTitle = title;
            o.unacknowledged.clear();
            o.etag = etag(r);
        } else {
            // Unknown outcome (or a 412 after one): the next update fetches the current version first.
            if (r == null || r.statusCode() >= 500) {
                o.unacknowledged.add(title);
            }
            o.etag = null;
        }
    }

    static void delete(Owned o, String token) {
        HttpResponse<String> r = send("delete", base("/api/v1/posts/" + o.id + "?permanent=true", token).DELETE().build());
        if (r != null && r.statusCode() == 204) {
            o.deleteAcknowledged = true;
        } else {
            o.deleteUnacknowledged = true;
        }
    }

    static void upload(String token, ThreadLocalRandom random) {
        byte[] jpeg = photo(random);
        String boundary = "----tribune" + random.nextLong();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send("upload", base("/api/v1/media", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
        if (r != null && r.statusCode() == 201) {
            photos.add(new Photo(field(ID, r.body()), field(CHECKSUM, r.body()), sha256(jpeg)));
        }
    }

    static byte[] photo(ThreadLocalRandom random) {
        BufferedImage image = new BufferedImage(1024, 683, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 1024, 683,
                new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, 1024, 683);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(1000), random.nextInt(660), 20 + random.nextInt(200), 20 + random.nextInt(200));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String signIn(String username, String password) {
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpResponse<String> r = send("sign-in", post("/api/v1/auth/token", null,
                    "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"));
            if (r != null && r.statusCode() == 200) {
                return field(ACCESS_TOKEN, r.body());
            }
            sleep(r != null && r.statusCode() == 503 ? retryAfter(r) : 100);
        }
        throw new IllegalStateException("could not sign in as " + username);
    }

    // ---- the changes feed ---------------------------------------------------------------------------------------

    static String cursor;

    static void syncClient() {
        while (!stopping()) {
            syncOnce("changes");
            sleep(200);
        }
    }

    /** Follows the feed to its end; false when a page failed (the caller tries again later). */
    static boolean syncOnce(String op) {
        while (true) {
            HttpResponse<String> r = send(op, get("/api/v1/changes?limit=100" + (cursor == null ? "" : "&after=" + cursor), null));
            if (r == null || r.statusCode() != 200) {
                return false;
            }
            Matcher m = CHANGE.matcher(r.body());
            while (m.find()) {
                if (!m.group(1).equals("post")) {
                    continue;
                }
                if (m.group(3).equals("upsert")) {
                    held.put(m.group(2), true);
                } else {
                    held.remove(m.group(2));
                }
            }
            Matcher next = NEXT.matcher(r.body());
            if (next.find()) {
                cursor = next.group(1);
            }
            if (!r.body().contains("\"hasMore\":true")) {
                return true;
            }
        }
    }

    // ---- checks after the load ----------------------------------------------------------------------------------

    static void verify(String earlyToken, Map<String, String> settings) throws Exception {
        System.out.println("Checks after the load");
        int found = 0;
        int gone = 0;
        for (Owned o : owned) {
            HttpResponse<String> r = retrying(get("/api/v1/posts/" + o.id, adminToken));
            if (o.deleteAcknowledged) {
                if (r.statusCode() != 404) {
                    failures.add("post " + o.id + " was deleted (204) but answers " + r.statusCode());
                } else {
                    gone++;
                }
                continue;
            }
            if (r.statusCode() == 404 && o.deleteUnacknowledged) {
                gone++;
                continue;
            }
            if (r.statusCode() != 200) {
                failures.add("acknowledged post " + o.id + " answers " + r.statusCode());
                continue;
            }
            String title = field(TITLE, r.body());
            if (!title.equals(o.acknowledgedTitle) && !o.unacknowledged.contains(title)) {
                failures.add("post " + o.id + " has title \"" + title + "\", acknowledged as \"" + o.acknowledgedTitle + "\"");
                continue;
            }
            found++;
        }
        System.out.printf("  acknowledged posts: %d found as last acknowledged, %d deleted as acknowledged%n", found, gone);

        int intact = 0;
        for (Photo p : photos) {
            HttpResponse<byte[]> meta = retryingBytes(get("/api/v1/media/" + p.id, null));
            if (meta.statusCode() != 200) {
                failures.add("acknowledged photo " + p.id + " answers " + meta.statusCode());
                continue;
            }
            HttpResponse<byte[]> file = retryingBytes(get("/api/v1/media/" + p.id + "/file", null));
            String read = sha256(file.body());
            if (file.statusCode() != 200 || !read.equals(p.checksum)) {
                failures.add("photo " + p.id + ": the original reads " + file.statusCode() + " with SHA-256 " + read
                        + ", acknowledged as " + p.checksum);
                continue;
            }
            HttpResponse<byte[]> medium = retryingBytes(get("/api/v1/media/" + p.id + "/file?size=medium", null));
            if (medium.statusCode() != 200 || medium.body().length == 0) {
                failures.add("photo " + p.id + ": its medium size answers " + medium.statusCode());
                continue;
            }
            intact++;
        }
        long asSent = photos.stream().filter(p -> p.checksum.equals(p.sentSha256)).count();
        System.out.printf("  acknowledged photos: %d of %d read back with the acknowledged SHA-256 (%d byte for byte as sent), medium size served%n",
                intact, photos.size(), asSent);

        if (!syncOnce("verify")) {
            failures.add("the final sync through the load balancer failed");
        }
        Set<String> listed = new HashSet<>();
        for (int page = 1; ; page++) {
            HttpResponse<String> r = retrying(get("/api/v1/posts?size=100&page=" + page, null));
            Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"slug\"").matcher(r.body());
            int before = listed.size();
            while (m.find()) {
                listed.add(m.group(1));
            }
            if (listed.size() == before) {
                break;
            }
        }
        // Compared on the posts the load wrote: the pattern above also matches the categories embedded in each post.
        Set<String> written = new HashSet<>();
        owned.forEach(o -> written.add(o.id));
        listed.retainAll(written);
        Set<String> synced = new HashSet<>(held.keySet());
        Set<String> strangers = new HashSet<>(synced);
        strangers.removeAll(written);
        if (!strangers.isEmpty()) {
            failures.add("the changes feed gave " + strangers.size() + " posts the load never wrote, such as " + strangers.iterator().next());
        }
        synced.retainAll(written);
        if (!synced.equals(listed)) {
            Set<String> extra = new HashSet<>(synced);
            extra.removeAll(listed);
            Set<String> missing = new HashSet<>(listed);
            missing.removeAll(synced);
            failures.add("the client that followed the changes feed holds " + extra.size() + " posts the list lacks and misses "
                    + missing.size() + " it has");
            Set<String> differing = new HashSet<>(extra);
            differing.addAll(missing);
            for (String id : differing.stream().limit(3).toList()) {
                StringBuilder seen = new StringBuilder("  post " + id + (extra.contains(id) ? " (held, not listed)" : " (listed, not held)") + ":");
                for (String instance : instances) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/posts/" + id)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    seen.append(" ").append(instance).append(" ").append(r.statusCode());
                }
                HttpResponse<String> changes = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/changes?limit=1000")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\\{[^{}]*\"id\":\"" + id + "\"[^{}]*\\}").matcher(changes.body());
                while (m.find()) {
                    seen.append(" feed ").append(m.group());
                }
                System.out.println(seen);
            }
        }
        System.out.printf("  changes feed: the client that followed it through the faults holds the %d posts the list returns%s%n",
                listed.size(), synced.equals(listed) ? "" : " (NOT)");

        int accepted = 0;
        for (String instance : instances) {
            for (String token : List.of(earlyToken, signIn("load-editor-0", editorPassword))) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/users/me"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    accepted++;
                } else {
                    failures.add(instance + " refuses a token (" + r.statusCode() + ")");
                }
            }
        }
        System.out.printf("  tokens: %d of %d accepted, a token from before the faults and a fresh one on each of %d instances%n",
                accepted, instances.size() * 2, instances.size());
    }

    static HttpResponse<String> retrying(HttpRequest request) throws Exception {
        return retrying(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> retryingBytes(HttpRequest request) throws Exception {
        return retrying(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** For the checks, after the faults: a 503 or no answer is tried again, for up to 30 seconds. */
    static <T> HttpResponse<T> retrying(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
        for (int i = 0; ; i++) {
            try {
                HttpResponse<T> r = http.send(request, handler);
                if (r.statusCode() != 503 || i == 30) {
                    return r;
                }
            } catch (IOException e) {
                if (i == 30) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }

    // ---- the figures --------------------------------------------------------------------------------------------

    static void report() {
        List<Sample> all = new ArrayList<>(samples);
        Map<String, List<Sample>> byPhase = new LinkedHashMap<>();
        for (Sample s : all) {
            if (s.op.equals("setup") || s.op.equals("verify")) {
                continue;
            }
            byPhase.computeIfAbsent(s.startPhase, k -> new ArrayList<>()).add(s);
        }
        System.out.println("Per phase (through the load balancer; latency in ms)");
        System.out.printf("  %-22s %8s %7s %8s %6s %6s %8s %8s %8s %8s%n", "phase", "requests", "2xx/3xx", "4xx",
                "503", "other", "p50", "p95", "p99", "max");
        for (var e : byPhase.entrySet()) {
            line(e.getKey(), e.getValue());
        }
        line("all", all.stream().filter(s -> !s.op.equals("setup") && !s.op.equals("verify")).toList());
        System.out.println("Per operation, all phases");
        Map<String, List<Sample>> byOp = new TreeMap<>();
        for (Sample s : all) {
            byOp.computeIfAbsent(s.op, k -> new ArrayList<>()).add(s);
        }
        for (var e : byOp.entrySet()) {
            line(e.getKey(), e.getValue());
        }
        if (!transportErrors.isEmpty()) {
            System.out.println("Requests that got no answer, by phase: " + transportErrors);
        }

        int steady5xx = 0;
        int fault503 = 0;
        int faultOther5xx = 0;
        int leaks = 0;
        for (Sample s : all) {
            if (s.leak) {
                leaks++;
            }
            if (s.status < 500) {
                continue;
            }
            boolean duringFault = !steady(s.startPhase) || !steady(s.endPhase);
            if (!duringFault) {
                steady5xx++;
            } else if (s.status == 503 && s.retryAfter != null && s.retryAfter.matches("\\d+")) {
                fault503++;
            } else {
                faultOther5xx++;
            }
        }
        System.out.printf("Error rules: %d 5xx outside the faults, %d 503 with Retry-After during them, %d other 5xx during them, %d bodies with a trace, class name or SQL%n",
                steady5xx, fault503, faultOther5xx, leaks);
        if (steady5xx > 0) {
            failures.add(steady5xx + " answers were 5xx outside the faults");
        }
        if (faultOther5xx > 0) {
            failures.add(faultOther5xx + " answers during the faults were 5xx other than 503 with Retry-After");
        }
        if (leaks > 0) {
            failures.add(leaks + " error bodies showed a stack trace, a class name or SQL");
        }
        int noAnswer = transportErrors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("No answer: %d requests in flight on the instance killed (HAProxy closes a client's kept-alive connection"
                + " without an answer when its instance dies, so that the client may retry; the outcome is unknown to the"
                + " client, and such writes are not counted as acknowledged), %d at any other time%n",
                noAnswer - unansweredOutsideKill.get(), unansweredOutsideKill.get());
        if (unansweredOutsideKill.get() > 0) {
            failures.add(unansweredOutsideKill.get() + " requests got no HTTP answer outside the killing of an instance");
        }
    }

    static void line(String label, List<Sample> list) {
        if (list.isEmpty()) {
            return;
        }
        long[] micros = list.stream().mapToLong(Sample::micros).sorted().toArray();
        long ok = list.stream().filter(s -> s.status < 400).count();
        long client = list.stream().filter(s -> s.status >= 400 && s.status < 500).count();
        long unavailable = list.stream().filter(s -> s.status == 503).count();
        long other = list.stream().filter(s -> s.status >= 500 && s.status != 503).count();
        System.out.printf("  %-22s %8d %7.2f%% %8d %6d %6d %8.1f %8.1f %8.1f %8.1f%n", label, list.size(),
                100.0 * ok / list.size(), client, unavailable, other, pct(micros, 50), pct(micros, 95), pct(micros, 99),
                micros[micros.length - 1] / 1000.0);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    static HttpRequest.Builder base(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static HttpRequest get(String path, String token) {
        return base(path, token).GET().build();
    }

    static HttpRequest post(String path, String token, String json) {
        return base(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Sends and records; null when no answer came. */
    static HttpResponse<String> send(String op, HttpRequest request) {
        String start = phase;
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1000;
            boolean leak = r.statusCode() >= 400 && LEAK.matcher(r.body()).find();
            if (leak) {
                System.out.println("A body shows internals (" + op + ", " + r.statusCode() + "): " + r.body());
            }
            samples.add(new Sample(start, phase, op, r.statusCode(), micros,
                    r.headers().firstValue("Retry-After").orElse(null), leak));
            if (r.statusCode() >= 500 && steady(start) && steady(phase)) {
                System.out.println("5xx outside a fault (" + op + ", " + r.statusCode() + "): " + r.body());
            }
            return r;
        } catch (IOException e) {
            String end = phase;
            transportErrors.merge(start + (start.equals(end) ? "" : " to " + end) + " " + op + " (" + e + ")", 1, Integer::sum);
            if (!end.startsWith("instance-killed")) {
                unansweredOutsideKill.incrementAndGet();
            }
            System.out.println("No answer at " + java.time.LocalTime.now() + " to " + request.method() + " "
                    + request.uri().getPath() + " (" + op + "): " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void expect(HttpResponse<String> r, int status) {
        if (r == null || r.statusCode() != status) {
            throw new IllegalStateException("setup: expected " + status + ", got "
                    + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
        }
    }

    static String etag(HttpResponse<?> r) {
        return r.headers().firstValue("ETag").orElse(null);
    }

    static long retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).map(v -> Long.parseLong(v) * 1000)
                .orElse(1000L);
    }

    static String field(Pattern p, String body) {
        Matcher m = p.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
