package org.tribune.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/** Renditions for srcset in the original's family and WebP, placeholders, and the job that gives old images theirs. */
@QuarkusTest
class ResponsiveImagesTest extends ApiTestSupport {

    private static final String BASE83 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    @Inject
    RenditionBackfill backfill;

    @Inject
    EntityManager em;

    private static Response uploadJpeg(int width, int height) {
        return MediaApiTest.upload(
                token(Roles.AUTHOR),
                TestImages.encode(TestImages.picture(width, height), "jpg"),
                "photo.jpg",
                "image/jpeg");
    }

    private static BufferedImage decode(byte[] bytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a decodable image").isNotNull();
        return image;
    }

    @Test
    void aPhotoComesInEveryWidthUpTo1920AsJpegAndWebpWithAReadySrcsetPerType() throws Exception {
        Response created = uploadJpeg(2400, 1200);
        created.then().statusCode(201);
        JsonPath media = created.jsonPath();

        List<Map<String, Object>> renditions = media.getList("renditions");
        assertThat(renditions)
                .extracting(r -> r.get("type") + " " + r.get("width") + "x" + r.get("height"))
                .containsExactly(
                        "image/webp 320x160",
                        "image/webp 640x320",
                        "image/webp 960x480",
                        "image/webp 1280x640",
                        "image/webp 1920x960",
                        "image/jpeg 320x160",
                        "image/jpeg 640x320",
                        "image/jpeg 960x480",
                        "image/jpeg 1280x640",
                        "image/jpeg 1920x960");
        for (Map<String, Object> r : renditions) {
            Response file = given().get((String) r.get("url"));
            file.then().statusCode(200).contentType((String) r.get("type"));
            byte[] bytes = file.asByteArray();
            assertThat(bytes).hasSize((Integer) r.get("size"));
            BufferedImage image = decode(bytes);
            assertThat(image.getWidth()).isEqualTo(r.get("width"));
            assertThat(image.getHeight()).isEqualTo(r.get("height"));
        }
        // WebP is worth offering only if it is smaller.
        assertThat((Integer) renditions.get(4).get("size"))
                .isLessThan((Integer) renditions.get(9).get("size"));

        Map<String, String> srcset = media.getMap("srcset");
        assertThat(srcset.keySet()).containsExactly("image/webp", "image/jpeg");
        for (String type : srcset.keySet()) {
            assertThat(srcset.get(type))
                    .isEqualTo(renditions.stream()
                            .filter(r -> r.get("type").equals(type))
                            .map(r -> r.get("url") + " " + r.get("width") + "w")
                            .collect(Collectors.joining(", ")));
        }
        // The named sizes of the first API never grow: medium and large are the widest no wider than 768 and 1600.
        assertThat(media.getInt("sizes.medium.width")).isEqualTo(640);
        assertThat(media.getInt("sizes.large.width")).isEqualTo(1280);
        assertThat(media.getInt("sizes.thumbnail.width")).isEqualTo(150);
        assertThat(media.getString("sizes.large.url"))
                .isNotEqualTo(media.getString("url"))
                .contains("size=large");
    }

    @Test
    void anImageNarrowerThan1920IsNeverUpscaledAndIsItselfTheWidestOfItsType() throws Exception {
        byte[] png = TestImages.encode(TestImages.picture(800, 600), "png");
        JsonPath media = MediaApiTest.upload(token(Roles.AUTHOR), png, "carte.png", "image/png")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        List<Map<String, Object>> renditions = media.getList("renditions");
        assertThat(renditions)
                .extracting(r -> r.get("type") + " " + r.get("width"))
                .containsExactly(
                        "image/webp 320",
                        "image/webp 640",
                        "image/webp 800",
                        "image/png 320",
                        "image/png 640",
                        "image/png 800");
        assertThat(MediaApiTest.download((String) renditions.get(5).get("url"))).isEqualTo(png);
        assertThat(decode(MediaApiTest.download((String) renditions.get(2).get("url")))
                        .getWidth())
                .isEqualTo(800);
    }

    @Test
    void aTransparentImageKeepsItsTransparencyInPngAndWebp() throws Exception {
        BufferedImage logo = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(new Color(200, 30, 40));
        g.fillOval(100, 100, 200, 200);
        g.dispose();
        JsonPath media = MediaApiTest.upload(
                        token(Roles.AUTHOR), TestImages.encode(logo, "png"), "logo.png", "image/png")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(media.getMap("srcset").keySet()).containsExactly("image/webp", "image/png");
        BufferedImage webp = decode(MediaApiTest.download(media.getString("renditions[0].url")));
        assertThat(webp.getColorModel().hasAlpha()).isTrue();
        assertThat(webp.getRGB(5, 5) >>> 24).as("a transparent corner").isLessThan(16);
        assertThat(new Color(webp.getRGB(160, 160), true).getRed()).isGreaterThan(150);
        // Transparent pixels do not count: the dominant colour is the logo's.
        assertThat(media.getString("placeholder.color")).isEqualTo("#c81e28");
    }

    @Test
    void everyImageHasItsDominantColourAndABlurHashOfItsAverageColour() {
        JsonPath landscape =
                uploadJpeg(1200, 600).then().statusCode(201).extract().jsonPath();
        String color = landscape.getString("placeholder.color");
        assertThat(color).matches("#[0-9a-f]{6}");
        // The picture is three quarters blue (40, 90, 160) with a red block: the blue wins.
        assertThat(distance(rgb(color), new int[] {40, 90, 160})).isLessThan(12);

        String blurhash = landscape.getString("placeholder.blurhash");
        // 4 x 3 components: a size character, a maximum, the average colour (4) and 11 pairs.
        assertThat(blurhash).hasSize(28);
        assertThat(blurhash.chars().allMatch(c -> BASE83.indexOf(c) >= 0)).isTrue();
        assertThat(base83(blurhash.substring(0, 1))).isEqualTo((4 - 1) + (3 - 1) * 9);
        int average = base83(blurhash.substring(2, 6));
        int[] dc = {average >> 16, (average >> 8) & 0xff, average & 0xff};
        assertThat(distance(dc, averageInLinearLight(TestImages.picture(1200, 600))))
                .as("the BlurHash's average colour " + java.util.Arrays.toString(dc))
                .isLessThan(16);

        String portrait = uploadJpeg(600, 1200).then().statusCode(201).extract().path("placeholder.blurhash");
        assertThat(base83(portrait.substring(0, 1))).isEqualTo((3 - 1) + (4 - 1) * 9);

        // A PDF has no placeholder, no renditions and no srcset.
        MediaApiTest.upload(token(Roles.AUTHOR), "%PDF-1.4\n%%EOF\n".getBytes(), "doc.pdf", "application/pdf")
                .then()
                .statusCode(201)
                .body("placeholder", equalTo(null))
                .body("renditions.size()", equalTo(0))
                .body("srcset.size()", equalTo(0));
    }

    @Test
    void theFileEndpointServesARenditionByWidthAndFormatAndNamesWhatItRefuses() {
        JsonPath media = uploadJpeg(1000, 500).then().statusCode(201).extract().jsonPath();
        String file = "/api/v1/media/" + media.getString("id") + "/file";

        given().get(file + "?width=640&format=webp")
                .then()
                .statusCode(200)
                .contentType("image/webp")
                .header("ETag", not(equalTo(null)));
        given().get(file + "?width=640").then().statusCode(200).contentType("image/jpeg");
        given().get(file + "?width=1000&format=jpeg").then().statusCode(200).contentType("image/jpeg");

        given().get(file + "?width=500")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("500 px"));
        given().get(file + "?width=wide").then().statusCode(400).body("errors[0].field", equalTo("width"));
        given().get(file + "?format=webp").then().statusCode(400).body("errors[0].field", equalTo("width"));
        given().get(file + "?width=320&format=gif").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().get(file + "?size=medium&width=320").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void postsAndCardsEmbedTheSrcsetAndPlaceholderOfTheirPhotos() {
        String mediaId = uploadJpeg(1000, 500).then().statusCode(201).extract().path("id");
        String post = createPost(Map.of(
                "title",
                "Portrait " + unique(),
                "content",
                "<p>Texte</p>",
                "status",
                "published",
                "featuredMedia",
                mediaId,
                "gallery",
                List.of(mediaId)));

        given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("featuredMedia.srcset", hasKey("image/webp"))
                .body("featuredMedia.renditions.size()", equalTo(8))
                .body("featuredMedia.placeholder.blurhash.length()", equalTo(28))
                .body("gallery[0].srcset", hasKey("image/jpeg"));
        given().get("/api/v1/posts?size=50")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + post + "' }.featuredMedia.srcset", hasKey("image/webp"));
    }

    // ---- images uploaded before the renditions existed ----

    @Inject
    BlobStore blobs;

    /** Puts an image back as the first API stored it: thumbnail, medium and large files, no srcset, no placeholder. */
    private void asUploadedBeforeRenditions(String id) throws Exception {
        for (Map<String, Object> r : mediaAsEditor(id).<Map<String, Object>>getList("renditions")) {
            String format = ((String) r.get("type")).substring("image/".length());
            blobs.delete(id + "/w" + r.get("width") + "." + (format.equals("jpeg") ? "jpg" : format));
        }
        byte[] old = MediaApiTest.download(mediaAsEditor(id).getString("sizes.thumbnail.url"));
        Path oldFile = Files.createTempFile("old-size-", ".jpg");
        Files.write(oldFile, old);
        blobs.put(id + "/medium.jpg", oldFile);
        blobs.put(id + "/large.jpg", oldFile);
        String checksum =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(old));
        QuarkusTransaction.requiringNew().run(() -> {
            UUID uuid = UUID.fromString(id);
            em.createNativeQuery(
                            "DELETE FROM media_rendition WHERE media_id = ?1 AND name NOT IN ('original', 'thumbnail')")
                    .setParameter(1, uuid)
                    .executeUpdate();
            for (String size : List.of("medium", "large")) {
                em.createNativeQuery("INSERT INTO media_rendition (media_id, name, file_name, mime_type, width, height,"
                                + " size_bytes, checksum) VALUES (?1, ?2, ?3, 'image/jpeg', 150, 75, ?4, ?5)")
                        .setParameter(1, uuid)
                        .setParameter(2, size)
                        .setParameter(3, size + ".jpg")
                        .setParameter(4, (long) old.length)
                        .setParameter(5, checksum)
                        .executeUpdate();
            }
            em.createNativeQuery("UPDATE media SET rendition_set = 1, dominant_color = NULL, blurhash = NULL,"
                            + " rendering_until = NULL WHERE id = ?1")
                    .setParameter(1, uuid)
                    .executeUpdate();
        });
    }

    private void heldUntil(String id, Instant until) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE media SET rendering_until = ?1 WHERE id = ?2")
                        .setParameter(1, until)
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate());
    }

    private static JsonPath mediaAsEditor(String id) {
        return editor().get("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String etag(String id) {
        return editor().get("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void imagesUploadedBeforeRenditionsGainThemFromTheBackgroundJobAndEveryReaderFollows() throws Exception {
        String id = uploadJpeg(2400, 1200).then().statusCode(201).extract().path("id");
        asUploadedBeforeRenditions(id);
        String post = createPost(Map.of(
                "title", "Avant " + unique(), "content", "<p>Texte</p>", "status", "published", "featuredMedia", id));
        JsonPath before = mediaAsEditor(id);
        assertThat(before.getList("renditions")).isEmpty();
        assertThat(before.getMap("srcset")).isEmpty();
        assertThat(before.getString("placeholder")).isNull();
        // Anonymous reads are kept by the read cache: this one must not outlive the job.
        given().get("/api/v1/posts/" + post).then().statusCode(200).body("featuredMedia.srcset.size()", equalTo(0));
        String cursor = syncChanges(null, editor(), change -> {});

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        JsonPath after = mediaAsEditor(id);
        String etagAfter = etag(id);
        assertThat(after.getList("renditions")).hasSize(10);
        assertThat(after.getString("placeholder.blurhash")).hasSize(28);
        assertThat(after.getInt("sizes.medium.width")).isEqualTo(640);
        for (Map<String, Object> r : after.<Map<String, Object>>getList("renditions")) {
            assertThat(decode(MediaApiTest.download((String) r.get("url"))).getWidth())
                    .isEqualTo(r.get("width"));
        }
        assertThat(blobs.get(id + "/medium.jpg"))
                .as("a file only the old set used")
                .isEmpty();
        assertThat(blobs.get(id + "/large.jpg")).isEmpty();
        assertThat(blobs.get(id + "/thumbnail.jpg"))
                .as("kept: the thumbnail has not changed")
                .isPresent();
        given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("featuredMedia.srcset", hasKey("image/webp"))
                .body("featuredMedia.placeholder.color", equalTo(after.getString("placeholder.color")));
        List<String> changed = new ArrayList<>();
        syncChanges(cursor, editor(), change -> changed.add(change.get("type") + " " + change.get("id")));
        assertThat(changed).contains("media " + id, "post " + post);

        // Done is done: a second run leaves the image alone.
        backfill.run();
        assertThat(etag(id)).isEqualTo(etagAfter);
    }

    @Test
    void theJobSkipsAnImageAnotherInstanceHoldsTakesItBackWhenTheClaimRunsOutAndNeverMakesOneTwice() throws Exception {
        String held = uploadJpeg(1000, 500).then().statusCode(201).extract().path("id");
        asUploadedBeforeRenditions(held);
        heldUntil(held, Instant.now().plus(5, ChronoUnit.MINUTES));

        backfill.run();
        assertThat(mediaAsEditor(held).getList("renditions"))
                .as("held by another instance")
                .isEmpty();

        // That instance died: its claim runs out, and the image is made on the next run.
        heldUntil(held, Instant.now().minus(1, ChronoUnit.MINUTES));
        backfill.run();
        assertThat(mediaAsEditor(held).getList("renditions")).hasSize(8);

        // Two instances at once: each image is made by one of them only, so it changes once.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = uploadJpeg(1000, 500).then().statusCode(201).extract().path("id");
            asUploadedBeforeRenditions(id);
            ids.add(id);
        }
        Map<Object, Object> versions = new java.util.HashMap<>();
        String cursor = syncChanges(null, editor(), change -> versions.put(change.get("id"), change.get("version")));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(backfill::run);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(backfill::run);
        assertThat(first.get() + second.get()).isEqualTo(3);
        Map<Object, Object> after = new java.util.HashMap<>();
        syncChanges(cursor, editor(), change -> after.put(change.get("id"), change.get("version")));
        for (String id : ids) {
            assertThat(mediaAsEditor(id).getList("renditions")).hasSize(8);
            assertThat(((Number) after.get(id)).longValue())
                    .as("made once: one version more")
                    .isEqualTo(((Number) versions.get(id)).longValue() + 1);
        }
    }

    private static int base83(String s) {
        int value = 0;
        for (char c : s.toCharArray()) {
            value = value * 83 + BASE83.indexOf(c);
        }
        return value;
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16, (v >> 8) & 0xff, v & 0xff};
    }

    private static double distance(int[] a, int[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    /** What BlurHash's first component holds: the mean in linear light, back in sRGB. */
    private static int[] averageInLinearLight(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                sum[0] += linear((argb >> 16) & 0xff);
                sum[1] += linear((argb >> 8) & 0xff);
                sum[2] += linear(argb & 0xff);
            }
        }
        int n = image.getWidth() * image.getHeight();
        return new int[] {srgb(sum[0] / n), srgb(sum[1] / n), srgb(sum[2] / n)};
    }

    private static double linear(int value) {
        double v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int srgb(double value) {
        double v = Math.max(0, Math.min(1, value));
        return (int) Math.round((v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255);
    }
}
