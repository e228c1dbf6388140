package org.tribune.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

@QuarkusTest
class MediaApiTest extends ApiTestSupport {

    static final Path UPLOADS = Path.of("target/test-uploads");

    static RequestSpecification uploader(String token, byte[] bytes, String filename, String declaredType) {
        return given().auth()
                .oauth2(token)
                .accept("application/json")
                .multiPart(new MultiPartSpecBuilder(bytes)
                        .controlName("file")
                        .fileName(filename)
                        .mimeType(declaredType)
                        .build());
    }

    static Response upload(String token, byte[] bytes, String filename, String declaredType) {
        return uploader(token, bytes, filename, declaredType).post("/api/v1/media");
    }

    static String uploadPhoto(String token) {
        return upload(token, TestImages.encode(TestImages.picture(1000, 500), "jpg"), "photo.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static byte[] download(String url) {
        return given().get(url).then().statusCode(200).extract().asByteArray();
    }

    @Inject
    BlobStore blobs;

    /** The ids that have files in the storage, whichever store it is. */
    private Set<String> storedIds() throws IOException {
        return blobs.prefixesOlderThan(Instant.now().plus(1, ChronoUnit.DAYS));
    }

    private static long leftoverUploads() throws IOException {
        if (!Files.exists(UPLOADS)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(UPLOADS)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void assertNoMetadata(byte[] file, String what) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
        assertThat(metadata.getDirectoriesOfType(GpsDirectory.class))
                .as("GPS in %s", what)
                .isEmpty();
        for (Directory d : metadata.getDirectories()) {
            assertThat(d)
                    .as("%s in %s", d.getName(), what)
                    .isNotInstanceOfAny(ExifDirectoryBase.class, XmpDirectory.class, IptcDirectory.class);
        }
    }

    @Test
    void aPhonePhotoIsStoredUprightWithoutGpsOrAnyMetadataInEverySize() throws Exception {
        byte[] photo = TestImages.phonePhotoWithGps(2000, 1000);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo))
                        .getDirectoriesOfType(GpsDirectory.class))
                .as("the test photo carries GPS")
                .isNotEmpty();

        Response created = uploader(token(Roles.AUTHOR), photo, "IMG_2041.jpg", "image/jpeg")
                .multiPart(new MultiPartSpecBuilder("Rassemblement devant l'Hôtel de Ville")
                        .controlName("alt")
                        .charset("UTF-8")
                        .build())
                .multiPart(new MultiPartSpecBuilder("Ville de Paris")
                        .controlName("credit")
                        .charset("UTF-8")
                        .build())
                .post("/api/v1/media");

        created.then()
                .statusCode(201)
                .body("mimeType", equalTo("image/jpeg"))
                .body("type", equalTo("image"))
                .body("filename", equalTo("IMG_2041.jpg"))
                .body("width", equalTo(1000))
                .body("height", equalTo(2000))
                .body("alt", equalTo("Rassemblement devant l'Hôtel de Ville"))
                .body("credit", equalTo("Ville de Paris"))
                .body("uploadedBy.id", notNullValue())
                .body("sizes.thumbnail.width", equalTo(75))
                .body("sizes.thumbnail.height", equalTo(150))
                // medium and large: the widest renditions no wider than 768 and 1600 px; here the original is
                .body("sizes.medium.width", equalTo(640))
                .body("sizes.medium.height", equalTo(1280))
                .body("sizes.large.height", equalTo(2000));
        byte[] original = download(created.path("url"));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)))
                .isEqualTo(created.path("checksum"));
        assertThat((Integer) created.path("size")).isEqualTo(original.length);
        assertNoMetadata(original, "the original");
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(original));
        assertThat(upright.getWidth()).isEqualTo(1000);
        // The red corner was top-left as stored; turned a quarter clockwise, it is top-right.
        assertThat(new Color(upright.getRGB(990, 10)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(10, 10)).getRed()).isLessThan(100);
        for (String size : List.of("thumbnail", "medium", "large")) {
            byte[] file = download(created.path("sizes." + size + ".url"));
            assertNoMetadata(file, size);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
            assertThat(image.getHeight()).isEqualTo((Integer) created.path("sizes." + size + ".height"));
        }
    }

    @Test
    void sizesAreNeverLargerThanTheOriginal() {
        Response created = upload(
                token(Roles.AUTHOR), TestImages.encode(TestImages.picture(400, 300), "png"), "petit.png", "image/png");

        created.then()
                .statusCode(201)
                .body("mimeType", equalTo("image/png"))
                .body("sizes.thumbnail.width", equalTo(150))
                .body("sizes.medium.width", equalTo(400))
                .body("sizes.large.width", equalTo(400));
        byte[] large = download(created.path("sizes.large.url"));
        byte[] original = download(created.path("url"));
        assertThat(large).isEqualTo(original);
    }

    @Test
    void gifsAndWebpsAreAcceptedAndTheirSizesAreStillImages() throws Exception {
        Response gif = upload(
                token(Roles.AUTHOR), TestImages.encode(TestImages.picture(600, 300), "gif"), "anime.gif", "image/gif");
        gif.then()
                .statusCode(201)
                .body("mimeType", equalTo("image/gif"))
                .body("width", equalTo(600))
                .body("sizes.thumbnail.width", equalTo(150));
        given().get((String) gif.path("sizes.thumbnail.url"))
                .then()
                .statusCode(200)
                .contentType("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(download(gif.path("url"))))
                        .getWidth())
                .isEqualTo(600);

        // The smallest lossless WebP: one pixel.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        Response created = upload(token(Roles.AUTHOR), webp, "pixel.webp", "application/octet-stream");
        created.then()
                .statusCode(201)
                .body("mimeType", equalTo("image/webp"))
                .body("width", equalTo(1))
                .body("sizes.thumbnail.width", equalTo(1));
        assertThat(download(created.path("url"))).isEqualTo(webp);
    }

    @Test
    void theTypeComesFromTheBytesNotTheNameOrDeclaredType() {
        upload(
                        token(Roles.AUTHOR),
                        TestImages.encode(TestImages.picture(300, 200), "png"),
                        "vraiment.jpg",
                        "image/jpeg")
                .then()
                .statusCode(201)
                .body("mimeType", equalTo("image/png"));
    }

    @Test
    void svgExecutablesBombsCorruptFilesAndOversizedUploadsAreRefusedAndLeaveNothing() throws Exception {
        Set<String> idsBefore = storedIds();
        long mediaBefore =
                given().get("/api/v1/media").then().extract().jsonPath().getLong("totalItems");

        upload(token(Roles.AUTHOR), TestImages.svg(), "logo.jpg", "image/jpeg")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:unsupported-file-type"))
                .body("detail", containsString("SVG"));
        upload(token(Roles.AUTHOR), "<html><script>alert(1)</script></html>".getBytes(), "page.png", "image/png")
                .then()
                .statusCode(415);
        upload(token(Roles.AUTHOR), TestImages.executable(), "photo.jpg", "image/jpeg")
                .then()
                .statusCode(415)
                .body("type", equalTo("urn:tribune:problem:unsupported-file-type"));
        upload(token(Roles.AUTHOR), TestImages.decompressionBomb(), "bombe.png", "image/png")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:too-large"))
                .body("detail", containsString("pixels"));
        byte[] jpeg = TestImages.encode(TestImages.picture(800, 600), "jpg");
        upload(token(Roles.AUTHOR), TestImages.truncated(jpeg), "coupee.jpg", "image/jpeg")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
        String tooBig = announceLargeUpload(30L * 1024 * 1024);
        assertThat(tooBig)
                .startsWith("HTTP/1.1 413")
                .containsIgnoringCase("Content-Type: application/problem+json")
                .contains("urn:tribune:problem:too-large");

        assertThat(storedIds()).isEqualTo(idsBefore);
        assertThat(leftoverUploads()).isZero();
        given().get("/api/v1/media").then().body("totalItems", equalTo((int) mediaBefore));
    }

    /**
     * Announces a multipart upload of the given size as curl does for large bodies (Content-Length and Expect:
     * 100-continue), and returns the server's answer, read before any of the body is sent.
     */
    private static String announceLargeUpload(long bytes) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/media HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token(Roles.AUTHOR) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + bytes + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            StringBuilder answer = new StringBuilder();
            long length = 0;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                answer.append(line).append("\r\n");
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            return answer.append("\r\n")
                    .append(new String(in.readNBytes((int) length), StandardCharsets.UTF_8))
                    .toString();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void anUploadWithoutAFileOrWithoutATokenIsRefused() {
        given().auth()
                .oauth2(token(Roles.AUTHOR))
                .multiPart("alt", "rien")
                .post("/api/v1/media")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
        given().multiPart(new MultiPartSpecBuilder(TestImages.pdf())
                        .controlName("file")
                        .fileName("a.pdf")
                        .build())
                .post("/api/v1/media")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(token(Roles.AUTHOR))
                .multiPart(new MultiPartSpecBuilder(TestImages.pdf())
                        .controlName("file")
                        .fileName("a.pdf")
                        .build())
                .multiPart(new MultiPartSpecBuilder("x".repeat(1001))
                        .controlName("alt")
                        .build())
                .post("/api/v1/media")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("alt"));
    }

    @Test
    void filesAreServedWithTheirTypeNosniffImmutableCachingConditionalAndRangeRequests() {
        Response created = upload(
                token(Roles.AUTHOR), TestImages.encode(TestImages.picture(1600, 1200), "jpg"), "r.jpg", "image/jpeg");
        String url = created.path("sizes.medium.url");
        Response full = given().get(url);
        full.then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Accept-Ranges", "bytes");
        byte[] bytes = full.asByteArray();
        String etag = full.header("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");

        given().header("If-None-Match", etag).get(url).then().statusCode(304);
        Response part = given().header("Range", "bytes=0-99").get(url);
        part.then().statusCode(206).header("Content-Range", "bytes 0-99/" + bytes.length);
        assertThat(part.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 0, 100));
        Response tail = given().header("Range", "bytes=-10").get(url);
        tail.then().statusCode(206);
        assertThat(tail.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
        given().header("Range", "bytes=" + bytes.length + "-")
                .get(url)
                .then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + bytes.length);
        given().header("Range", "bytes=0-9")
                .header("If-Range", "\"autre\"")
                .get(url)
                .then()
                .statusCode(200);
        given().get("/api/v1/media/" + created.path("id") + "/file?size=immense")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void pdfsAreServedInlineWithASafeFileName() {
        // As browsers send it: the file name in UTF-8.
        Response created = uploader(
                        token(Roles.AUTHOR),
                        TestImages.pdf(),
                        "../../Délibération 2025 DDCT 42.pdf",
                        "application/octet-stream")
                .config(RestAssuredConfig.config()
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")))
                .post("/api/v1/media");

        created.then()
                .statusCode(201)
                .body("mimeType", equalTo("application/pdf"))
                .body("type", equalTo("document"))
                .body("width", nullValue())
                .body("filename", equalTo("Délibération 2025 DDCT 42.pdf"));
        given().get((String) created.path("url"))
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("inline; filename=\"Deliberation 2025 DDCT 42.pdf\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''D%C3%A9lib%C3%A9ration"));
        given().queryParam("type", "document")
                .queryParam("size", 100)
                .get("/api/v1/media")
                .then()
                .body("items.id", hasItem((String) created.path("id")));
    }

    @Test
    void theDescriptionIsEditableButOnlyByItsUploaderOrAnEditor() {
        TestAccount author = newAccount(Roles.AUTHOR);
        String id = uploadPhoto(author.token());

        mergePatchAs(author.token())
                .body(Map.of("alt", "Portrait de la lauréate", "focalPoint", Map.of("x", 0.5, "y", 0.3)))
                .patch("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .body("alt", equalTo("Portrait de la lauréate"))
                .body("focalPoint.y", equalTo(0.3f));
        mergePatchAs(token(Roles.AUTHOR))
                .body(Map.of("alt", "Autre"))
                .patch("/api/v1/media/" + id)
                .then()
                .statusCode(403);
        mergePatch()
                .body(Map.of("credit", "Service photo"))
                .patch("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .body("alt", equalTo("Portrait de la lauréate"))
                .body("credit", equalTo("Service photo"));
        mergePatchAs(author.token())
                .body(Map.of("focalPoint", Map.of("x", 1.5, "y", 0)))
                .patch("/api/v1/media/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("focalPoint.x"));
        mergePatchAs(author.token())
                .body(Map.of("checksum", "0"))
                .patch("/api/v1/media/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("checksum"));
        as(author.token())
                .body(Map.of("alt", "Seul texte"))
                .put("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .body("caption", nullValue())
                .body("credit", nullValue());
    }

    @Test
    void mediaIsFoundByWordsOfItsDescriptionIgnoringAccents() {
        String u = unique();
        String id = uploadPhoto(token(Roles.AUTHOR));
        mergePatch()
                .body(Map.of("caption", "Cérémonie " + u + " à l'Hôtel de Ville"))
                .patch("/api/v1/media/" + id)
                .then()
                .statusCode(200);

        given().queryParam("q", "ceremonie " + u)
                .get("/api/v1/media")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id));
        given().queryParam("type", "video")
                .get("/api/v1/media")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void postsEmbedTheirFeaturedMediaAndGalleryInListsAndItems() {
        String u = unique();
        String a = uploadPhoto(token(Roles.EDITOR));
        String b = uploadPhoto(token(Roles.EDITOR));
        String post = createPost(Map.of(
                "title",
                "Galerie " + u,
                "content",
                "<p>x</p>",
                "tags",
                List.of(u),
                "featuredMedia",
                a,
                "gallery",
                List.of(b, a, b)));

        given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("featuredMedia.id", equalTo(a))
                .body("featuredMedia.sizes.medium.url", containsString("size=medium"))
                .body("gallery.id", equalTo(List.of(b, a)));
        given().queryParam("tag", u)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items[0].featuredMedia.sizes.thumbnail.width", equalTo(150))
                .body("items[0].gallery.id", equalTo(List.of(b, a)));

        json().body(Map.of(
                        "title",
                        "Mauvaise galerie " + u,
                        "content",
                        "<p>x</p>",
                        "gallery",
                        List.of(a, "00000000-0000-0000-0000-000000000042")))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("gallery[1]"));
        json().body(Map.of(
                        "title",
                        "Mauvaise une " + u,
                        "content",
                        "<p>x</p>",
                        "featuredMedia",
                        "00000000-0000-0000-0000-000000000042"))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("featuredMedia"));
    }

    @Test
    void mediaThatPostsUseIsKeptUnlessForcedAndDeletionRemovesItsFiles() throws IOException {
        String u = unique();
        String media = uploadPhoto(token(Roles.EDITOR));
        String other = uploadPhoto(token(Roles.EDITOR));
        String post = createPost(Map.of(
                "title",
                "Utilise " + u,
                "content",
                "<p>x</p>",
                "featuredMedia",
                media,
                "gallery",
                List.of(other, media)));
        String url = given().get("/api/v1/media/" + media).then().extract().path("sizes.medium.url");

        editor().delete("/api/v1/media/" + media)
                .then()
                .statusCode(409)
                .body("detail", containsString("Utilise " + u))
                .body("detail", containsString(post));
        editor().queryParam("force", "true")
                .delete("/api/v1/media/" + media)
                .then()
                .statusCode(204);

        given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("featuredMedia", nullValue())
                .body("gallery.id", equalTo(List.of(other)));
        given().get("/api/v1/media/" + media).then().statusCode(404);
        given().get(url).then().statusCode(404);
        assertThat(storedIds()).doesNotContain(media);
    }

    @Test
    void authorsCannotForceMediaOutOfPosts() {
        TestAccount author = newAccount(Roles.AUTHOR);
        String media = uploadPhoto(author.token());
        createPost(Map.of("title", "Garde " + unique(), "content", "<p>x</p>", "featuredMedia", media));

        as(author.token())
                .queryParam("force", "true")
                .delete("/api/v1/media/" + media)
                .then()
                .statusCode(403);
        given().get("/api/v1/media/" + media).then().statusCode(200);
    }
}
