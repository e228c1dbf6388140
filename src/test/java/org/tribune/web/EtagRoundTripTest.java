package org.tribune.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribune.ApiTestSupport;
import org.tribune.media.TestImages;
import org.tribune.security.Roles;

/**
 * The ETag a GET returns is the one every write of that resource accepts in If-Match: GET, then PATCH with it,
 * for every resource type, and for media of every accepted type at sizes below, at, between and above the
 * thumbnail (150), the named sizes (768, 1600) and the rendition widths (320 to 1920), where several renditions and
 * sizes point to the original.
 */
@QuarkusTest
class EtagRoundTripTest extends ApiTestSupport {

    /** GET → PATCH with the GET's ETag → 200, and the PATCH's ETag is again the GET's. */
    private static void getThenPatchWithItsEtag(String path, Map<String, ?> patch, String bearer) {
        Response read = as(bearer).get(path);
        read.then().statusCode(200);
        String etag = read.header("ETag");
        Response patched =
                mergePatchAs(bearer).header("If-Match", etag).body(patch).patch(path);
        assertThat(patched.statusCode())
                .as("PATCH %s with the ETag of its GET", path)
                .isEqualTo(200);
        assertThat(as(bearer).get(path).header("ETag")).isEqualTo(patched.header("ETag"));
    }

    @Test
    void everyResourceTypeAcceptsTheEtagOfItsGet() {
        String u = unique();
        String editor = token(Roles.EDITOR);
        String category = createCategory("Étiquettes " + u);
        getThenPatchWithItsEtag("/api/v1/categories/" + category, Map.of("description", "Changée"), editor);
        String post = createPost(Map.of(
                "title",
                "Étiquette " + u,
                "content",
                "<p>x</p>",
                "categories",
                List.of(category),
                "featuredMedia",
                uploadImage()));
        getThenPatchWithItsEtag("/api/v1/posts/" + post, Map.of("excerpt", "Changé"), editor);
        String citizen = json().body(Map.of(
                        "name",
                        "Citoyenne " + u,
                        "description",
                        "Défenseure des droits",
                        "conferredOn",
                        "2024-03-12",
                        "vote",
                        "unanimous",
                        "portrait",
                        uploadImage()))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        getThenPatchWithItsEtag("/api/v1/honorary-citizens/" + citizen, Map.of("situation", "Libérée"), editor);
        String prize = createPrize("Prix " + u);
        String award = createAward(Map.of(
                "prize",
                prize,
                "year",
                2025,
                "category",
                "Prix français",
                "distinction",
                "laureate",
                "recipientName",
                "Lauréate " + u,
                "photo",
                uploadImage()));
        getThenPatchWithItsEtag("/api/v1/awards/" + award, Map.of("recipientDescription", "Militante"), editor);
        getThenPatchWithItsEtag("/api/v1/prizes/" + prize, Map.of("description", "Chaque année"), editor);
        String user = newAccount(Roles.AUTHOR).id();
        getThenPatchWithItsEtag("/api/v1/users/" + user, Map.of("displayName", "Autrice " + u), token(Roles.ADMIN));
    }

    @ParameterizedTest(name = "{0} of {1}×{2}")
    @CsvSource({
        "png,64,64",
        "png,100,150",
        "png,150,100",
        "png,200,120",
        "png,768,500",
        "png,1000,700",
        "png,1600,900",
        "png,2000,1200",
        "jpg,64,64",
        "jpg,800,600",
        "jpg,1700,1000",
        "jpg,320,240",
        "jpg,1920,1080",
        "jpg,2100,900",
        "gif,64,64",
        "gif,900,500",
        "webp,1,1"
    })
    void mediaOfEveryTypeAndSizeAcceptTheEtagOfTheirGet(String format, int width, int height) {
        String id = upload(image(format, width, height), format);
        getThenPatchWithItsEtag("/api/v1/media/" + id, Map.of("alt", "Texte de remplacement"), token(Roles.EDITOR));
        String etag = editor().get("/api/v1/media/" + id).header("ETag");
        editor().header("If-Match", etag).delete("/api/v1/media/" + id).then().statusCode(204);
    }

    @Test
    void documentsAcceptTheEtagOfTheirGet() {
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        String id = upload(pdf.getBytes(StandardCharsets.US_ASCII), "pdf");
        getThenPatchWithItsEtag("/api/v1/media/" + id, Map.of("caption", "Délibération"), token(Roles.EDITOR));
    }

    private static String upload(byte[] bytes, String format) {
        String type = switch (format) {
            case "jpg" -> "image/jpeg";
            case "pdf" -> "application/pdf";
            default -> "image/" + format;
        };
        return editor().accept(ContentType.JSON)
                .multiPart(new MultiPartSpecBuilder(bytes)
                        .controlName("file")
                        .fileName("file." + format)
                        .mimeType(type)
                        .build())
                .post("/api/v1/media")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** WebP has no ImageIO writer here: the smallest lossless WebP, one pixel, below every size. */
    private static byte[] image(String format, int width, int height) {
        if (format.equals("webp")) {
            return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        }
        return TestImages.encode(TestImages.picture(width, height), format);
    }
}
