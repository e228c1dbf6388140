package org.tribune;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.tribune.security.Roles;

/**
 * Every REST Assured call of every test goes through a filter that validates the response against the committed
 * openapi.yaml, so the spec and the behaviour cannot drift apart. Requests are not validated: many tests send
 * invalid requests on purpose.
 */
public abstract class ApiTestSupport {

    public static final Path SPEC = Path.of("openapi.yaml");
    /** The first admin's password in the test profile (application.properties). */
    protected static final String ADMIN_PASSWORD = "test-admin-password-1";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static OpenApiValidationFilter validation;

    @BeforeAll
    static void validateResponsesAgainstSpec() {
        if (validation == null) {
            {
                OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                                SpecForValidator.read(SPEC))
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
                validation = new OpenApiValidationFilter(validator);
            }
        }
        if (!RestAssured.filters().contains(validation)) {
            RestAssured.filters(validation);
        }
    }

    /**
     * A database of its own for a test profile that needs an empty one: an H2 memory database, or on the
     * PostgreSQL run (-Dtribune.test.postgresql-url=jdbc:postgresql://host/db) the database "db_name", which the CI
     * script creates empty.
     */
    public static String freshDatabaseUrl(String name, String run) {
        String postgresql = System.getProperty("tribune.test.postgresql-url");
        return postgresql != null ? postgresql + "_" + name : "jdbc:h2:mem:" + name + "-" + run + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * The settings of a test profile that needs an instance of its own: an empty database (see
     * {@link #freshDatabaseUrl}), the data directory {@code target/<name>-<run>} and the log file
     * {@code target/test-logs/<name>-<run>.log}, with the profile's own settings on top.
     */
    public static Map<String, String> ownInstance(String name, String run, Map<String, String> settings) {
        Map<String, String> config = new HashMap<>();
        config.put("tribune.data-dir", "target/" + name + "-" + run);
        // On an S3 store the instances share the bucket: each keeps its files apart, as sites sharing one would.
        config.put("tribune.media.s3.key-prefix", name + "-" + run);
        config.put("quarkus.datasource.jdbc.url", freshDatabaseUrl(name, run));
        config.put("%test.quarkus.datasource.jdbc.url", freshDatabaseUrl(name, run));
        config.put("quarkus.log.file.path", "target/test-logs/" + name + "-" + run + ".log");
        config.putAll(settings);
        return config;
    }

    /**
     * Runs {@code work} with the scheduled jobs paused, for a test that counts the statements a request issues: the
     * webhook dispatcher reads the database every second on its own, and its statements would be counted too.
     */
    protected static <T> T withoutBackgroundJobs(java.util.function.Supplier<T> work) {
        io.quarkus.scheduler.Scheduler scheduler = io.quarkus.arc.Arc.container()
                .instance(io.quarkus.scheduler.Scheduler.class)
                .get();
        scheduler.pause();
        try {
            Thread.sleep(300); // lets a run that had started finish: an idle one takes a few milliseconds
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            scheduler.resume();
        }
    }

    /** A short token that keeps each test's names, slugs and tags apart from every other test's. */
    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON request as an editor, who may write all content: what most content tests need. */
    protected static RequestSpecification json() {
        return as(token(Roles.EDITOR));
    }

    protected static RequestSpecification mergePatch() {
        return mergePatchAs(token(Roles.EDITOR));
    }

    protected static RequestSpecification mergePatchAs(String bearerToken) {
        return given().auth()
                .oauth2(bearerToken)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .accept(ContentType.JSON);
    }

    /** A request with no body as an editor. */
    protected static RequestSpecification editor() {
        return given().auth().oauth2(token(Roles.EDITOR));
    }

    protected static RequestSpecification anonymousJson() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification as(String bearerToken) {
        return given().auth().oauth2(bearerToken).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /**
     * An access token for a shared account of the role (author, editor or admin), created once per test run. Tests
     * that change an account (its password, role or status) create their own with {@link #newAccount}.
     */
    /** Signs in again on next use: after the clock moved, or after tokens were voided. */
    static void forgetTokens() {
        TOKENS.clear();
    }

    protected static String token(String role) {
        return TOKENS.computeIfAbsent(
                role,
                r -> r.equals(Roles.ADMIN)
                        ? signIn("admin", ADMIN_PASSWORD)
                        : newAccount(r).token());
    }

    public record TestAccount(String id, String username, String password, String token) {}

    protected static TestAccount newAccount(String role) {
        String username = role + "-" + unique();
        String password = "mot de passe " + unique();
        String id = as(token(Roles.ADMIN))
                .body(Map.of(
                        "username", username, "displayName", "Compte " + username, "role", role, "password", password))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new TestAccount(id, username, password, signIn(username, password));
    }

    protected static String signIn(String username, String password) {
        return anonymousJson()
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    /** A client address of its own, so that sign-in limits never spill from one test to another. */
    protected static String testAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n / 62_500 % 250) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    protected static String createCategory(String name) {
        return createCategory(Map.of("name", name));
    }

    protected static String createCategory(Map<String, ?> body) {
        return json().body(body)
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Creates an honorary citizen conferred on 1 January 2024 and returns its id. */
    protected static String createCitizen(String name) {
        return json().body(Map.of("name", name, "description", "x", "conferredOn", "2024-01-01"))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Uploads a small generated PNG as an editor and returns the media id. */
    protected static String uploadImage() {
        return postImage(320, 200).statusCode(201).extract().path("id");
    }

    /** Sends a generated black PNG of that size to the upload endpoint as an editor, whatever the answer. */
    protected static ValidatableResponse postImage(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return editor().accept(ContentType.JSON)
                .multiPart(new MultiPartSpecBuilder(png.toByteArray())
                        .controlName("file")
                        .fileName("image.png")
                        .mimeType("image/png")
                        .build())
                .post("/api/v1/media")
                .then();
    }

    protected static String createPrize(String name) {
        return json().body(Map.of("name", name, "description", "Remis chaque année"))
                .post("/api/v1/prizes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    protected static String createAward(Map<String, ?> body) {
        return json().body(body)
                .post("/api/v1/awards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    protected static String createPost(Map<String, ?> body) {
        return json().body(body)
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Applies the changes feed from {@code after} (null: from the start) until it has nothing more, as a client
     * syncing does, handing each item to {@code apply}; returns the cursor to continue from.
     */
    protected static String syncChanges(
            String after, RequestSpecification caller, Consumer<Map<String, Object>> apply) {
        String cursor = after;
        boolean more = true;
        while (more) {
            RequestSpecification request = given().spec(caller).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(apply);
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        return cursor;
    }
}
