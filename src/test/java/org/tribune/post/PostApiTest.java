package org.tribune.post;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
class PostApiTest extends ApiTestSupport {

    private static final String LONG_CONTENT =
            "<p>Le Conseil de Paris a voté une aide à quinze associations qui défendent les libertés"
                    + " fondamentales à l'étranger. La ville où fut signée la Déclaration universelle de 1948 y voit une"
                    + " responsabilité particulière. Parmi elles, une association défend la presse libre en Birmanie, une autre"
                    + " protège les militants menacés. Une troisième porte la voix du peuple ouïghour en Europe. Une quatrième"
                    + " forme des médiatrices dans les quartiers.</p>";

    private static Map<String, Object> post(String title, String content) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("content", content);
        return m;
    }

    @Test
    void createReturns201WithDefaultsFilledIn() {
        String u = unique();
        String category = createCategory("Droits humains " + u);
        Map<String, Object> body = post("Quinze associations soutenues " + u, LONG_CONTENT);
        body.put("categories", List.of(category));
        body.put("tags", List.of("  Conseil de Paris ", "conseil de paris", "Birmanie"));
        json().body(body)
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/posts/"))
                .header("ETag", notNullValue())
                .body("slug", equalTo("quinze-associations-soutenues-" + u))
                .body("lang", equalTo("fr"))
                .body("publishedAt", notNullValue())
                .body("categories[0].id", equalTo(category))
                .body("categories[0].slug", equalTo("droits-humains-" + u))
                .body("categories[0].name", equalTo("Droits humains " + u))
                .body("tags", contains("Conseil de Paris", "Birmanie"));
    }

    @Test
    void contentIsSanitizedOnWrite() {
        String html = "<p onclick=\"steal()\">Bonjour <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                + " <a href=\"https://example.org/a\">lien</a> <a href=\"/interne\">interne</a></p>"
                + "<h2>Titre</h2><ul><li><em>un</em></li></ul><blockquote>cité</blockquote>"
                + "<figure><img src=\"https://img.example.org/p.jpg\" alt=\"Photo\" onerror=\"x()\">"
                + "<figcaption>Légende</figcaption></figure><img src=\"data:image/png;base64,AAAA\"><iframe src=\"https://evil\"></iframe>"
                + "<p style=\"color:red\">rouge</p>";
        String id = createPost(post("Assaini " + unique(), html));
        String content = given().get("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("content");
        Assertions.assertThat(content)
                .doesNotContain("script", "onclick", "javascript:", "onerror", "iframe", "data:", "style=")
                .contains(
                        "<a href=\"https://example.org/a\">lien</a>",
                        "<a href=\"/interne\">interne</a>",
                        "<h2>Titre</h2>",
                        "<ul><li><em>un</em></li></ul>",
                        "<blockquote>cité</blockquote>",
                        "<figure><img src=\"https://img.example.org/p.jpg\" alt=\"Photo\"><figcaption>Légende</figcaption></figure>");
    }

    @Test
    void excerptIsDerivedFromContentWhenAbsent() {
        String id = createPost(post("Extrait " + unique(), LONG_CONTENT));
        String excerpt = given().get("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("excerpt.length()", lessThanOrEqualTo(300))
                .extract()
                .path("excerpt");
        Assertions.assertThat(excerpt)
                .startsWith("Le Conseil de Paris a voté une aide")
                .endsWith(".")
                .doesNotContain("<p>");
    }

    @Test
    void excerptGivenByTheEditorIsKeptAsPlainTextAndNullDerivesItAgain() {
        Map<String, Object> body = post("Extrait choisi " + unique(), LONG_CONTENT);
        body.put("excerpt", "Un <b>résumé</b> choisi.");
        String id = createPost(body);
        given().get("/api/v1/posts/" + id).then().body("excerpt", equalTo("Un résumé choisi."));
        mergePatch()
                .body("{\"excerpt\": null}")
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("excerpt", containsString("Le Conseil de Paris"));
        mergePatch()
                .body("{\"content\": \"<p>Texte neuf.</p>\"}")
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("excerpt", equalTo("Texte neuf."));
    }

    @Test
    void invalidLanguageTagGets400() {
        Map<String, Object> body = post("Langue " + unique(), "<p>x</p>");
        body.put("lang", "pas une langue");
        json().body(body).post("/api/v1/posts").then().statusCode(400).body("errors[0].field", equalTo("lang"));
        body.put("lang", "fr-be");
        json().body(body).post("/api/v1/posts").then().statusCode(201).body("lang", equalTo("fr-BE"));
    }

    @Test
    void unknownCategoryGets400NamingItAndCreatesNothing() {
        String u = unique();
        String real = createCategory("Réelle " + u);
        Map<String, Object> body = post("Rien " + u, "<p>x</p>");
        body.put("categories", List.of(real, "00000000-0000-0000-0000-00000000beef"));
        body.put("tags", List.of("tag-" + u));
        json().body(body)
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("categories[1]"))
                .body("errors[0].message", containsString("00000000-0000-0000-0000-00000000beef"));
        given().queryParam("tag", "tag-" + u).get("/api/v1/posts").then().body("totalItems", equalTo(0));
    }

    @Test
    void missingAndOverlongFieldsGet400() {
        json().body(Map.of("content", "<p>x</p>"))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors.field", contains("title"));
        json().body(post("t".repeat(301), "x"))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        Map<String, Object> body = post("Tags " + unique(), "x");
        body.put("tags", List.of("ok", " "));
        json().body(body).post("/api/v1/posts").then().statusCode(400).body("errors[0].field", equalTo("tags[1]"));
    }

    @Test
    void contentThatSanitizingMakesTooLongGets400() {
        json().body(post("Trop long " + unique(), "&".repeat(199_000)))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"));
    }

    @Test
    void titlesThatFoldToLongerTextAreStored() {
        json().body(post("﷽".repeat(300), "x")).post("/api/v1/posts").then().statusCode(201);
    }

    @Test
    void listItemsAreSummariesWithoutContentUnlessAskedFor() {
        String u = unique();
        String category = createCategory("Résumés " + u);
        Map<String, Object> body = post("Carte " + u, LONG_CONTENT);
        body.put("categories", List.of(category));
        body.put("tags", List.of("carte-" + u));
        createPost(body);
        given().queryParam("tag", "carte-" + u)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items", Matchers.hasSize(1))
                .body("items[0].content", nullValue())
                .body("items[0]", not(hasKey("metadata")))
                .body("items[0].excerpt", notNullValue())
                .body("items[0].categories[0].slug", equalTo("resumes-" + u))
                .body("items[0].tags", contains("carte-" + u));
    }

    @Test
    void filtersByCategorySlugMatchingAnyOfSeveral() {
        String u = unique();
        String a = createCategory("Cat A " + u);
        String b = createCategory("Cat B " + u);
        String c = createCategory("Cat C " + u);
        createPost(Map.of("title", "Dans A " + u, "content", "x", "categories", List.of(a)));
        createPost(Map.of("title", "Dans B " + u, "content", "x", "categories", List.of(b)));
        createPost(Map.of("title", "Dans A et B " + u, "content", "x", "categories", List.of(a, b)));
        createPost(Map.of("title", "Dans C " + u, "content", "x", "categories", List.of(c)));
        given().queryParam("category", "cat-a-" + u)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items.title", containsInAnyOrder("Dans A " + u, "Dans A et B " + u));
        given().queryParam("category", "cat-a-" + u, "cat-b-" + u)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3));
        given().queryParam("category", "inconnue-" + u)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0))
                .body("items", empty());
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        String u = unique();
        createPost(Map.of(
                "title",
                "Institut " + u,
                "content",
                "<p>Soutien à l'Institut Ouïghour d'Europe</p>",
                "tags",
                List.of(u)));
        createPost(Map.of("title", "Autre " + u, "content", "<p>Festival du Tibet</p>", "tags", List.of(u)));
        given().queryParam("tag", u)
                .queryParam("q", "ouighour")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items.title", contains("Institut " + u));
        given().queryParam("tag", u)
                .queryParam("q", "OUÏGHOUR europe")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        given().queryParam("tag", u)
                .queryParam("q", "ouighour tibet")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().queryParam("q", "Institut " + u)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        given().queryParam("tag", u)
                .queryParam("q", "100%")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void searchMatchesTheStartOfWordsAndFollowsEdits() {
        String u = unique();
        String id = createPost(
                Map.of("title", "Festival " + u, "content", "<p>Cultures de l’Himalaya</p>", "tags", List.of(u)));
        given().queryParam("tag", u)
                .queryParam("q", "himal")
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(1));
        given().queryParam("tag", u)
                .queryParam("q", "malaya")
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));
        mergePatch()
                .body("{\"content\": \"<p>Peuples du Tibet</p>\"}")
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200);
        given().queryParam("tag", u)
                .queryParam("q", "himalaya")
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));
        given().queryParam("tag", u)
                .queryParam("q", "tibet")
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void filtersByTagIgnoringCase() {
        String u = unique();
        createPost(Map.of("title", "Tag " + u, "content", "x", "tags", List.of("Pride-" + u)));
        given().queryParam("tag", "pride-" + u).get("/api/v1/posts").then().body("totalItems", equalTo(1));
    }

    @Test
    void filtersByPublicationDatesAndLanguage() {
        String u = unique();
        createPost(Map.of(
                "title",
                "2009 " + u,
                "content",
                "x",
                "tags",
                List.of(u),
                "publishedAt",
                "2009-12-14T10:00:00Z",
                "lang",
                "fr"));
        createPost(Map.of(
                "title",
                "2025 " + u,
                "content",
                "x",
                "tags",
                List.of(u),
                "publishedAt",
                "2025-06-28T10:00:00Z",
                "lang",
                "en"));
        createPost(Map.of(
                "title",
                "2025 BE " + u,
                "content",
                "x",
                "tags",
                List.of(u),
                "publishedAt",
                "2025-07-01T10:00:00Z",
                "lang",
                "fr-BE"));
        given().queryParam("tag", u)
                .queryParam("publishedAfter", "2025-01-01")
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("2025 BE " + u, "2025 " + u));
        given().queryParam("tag", u)
                .queryParam("publishedBefore", "2025-06-28T10:00:00Z")
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("2009 " + u));
        given().queryParam("tag", u)
                .queryParam("lang", "fr")
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("2025 BE " + u, "2009 " + u));
        given().queryParam("publishedAfter", "hier")
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publishedAfter"));
    }

    @Test
    void sortsByPublishedAtNewestFirstByDefaultOrByTitle() {
        String u = unique();
        createPost(
                Map.of("title", "b " + u, "content", "x", "tags", List.of(u), "publishedAt", "2024-01-01T00:00:00Z"));
        createPost(
                Map.of("title", "A " + u, "content", "x", "tags", List.of(u), "publishedAt", "2023-01-01T00:00:00Z"));
        createPost(
                Map.of("title", "c " + u, "content", "x", "tags", List.of(u), "publishedAt", "2025-01-01T00:00:00Z"));
        createPost(
                Map.of("title", "Été " + u, "content", "x", "tags", List.of(u), "publishedAt", "2022-01-01T00:00:00Z"));
        given().queryParam("tag", u)
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("c " + u, "b " + u, "A " + u, "Été " + u));
        given().queryParam("tag", u)
                .queryParam("sort", "title")
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("A " + u, "b " + u, "c " + u, "Été " + u));
        given().queryParam("tag", u)
                .queryParam("sort", "-title")
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("Été " + u, "c " + u, "b " + u, "A " + u));
        given().queryParam("tag", u)
                .queryParam("sort", "updatedAt")
                .get("/api/v1/posts")
                .then()
                .body("items.title", contains("b " + u, "A " + u, "c " + u, "Été " + u));
    }

    @Test
    void slugsAreUniqueAndStable() {
        String u = unique();
        String first = createPost(post("Même titre " + u, "x"));
        json().body(post("Même titre " + u, "x"))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .body("slug", equalTo("meme-titre-" + u + "-2"));
        Map<String, Object> taken = post("Autre " + u, "x");
        taken.put("slug", "meme-titre-" + u);
        json().body(taken).post("/api/v1/posts").then().statusCode(409);
        json().body(post("Titre changé " + u, "x"))
                .put("/api/v1/posts/" + first)
                .then()
                .statusCode(200)
                .body("slug", equalTo("meme-titre-" + u));
        given().get("/api/v1/posts/slug/meme-titre-" + u).then().statusCode(200).body("id", equalTo(first));
        given().get("/api/v1/posts/slug/rien-" + u).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void putReplacesWholePostKeepingSlugAndPublicationTime() {
        String u = unique();
        Map<String, Object> body = post("Avant " + u, "<p>avant</p>");
        body.put("tags", List.of("a"));
        body.put("publishedAt", "2020-01-01T00:00:00Z");
        String id = createPost(body);
        json().body(post("Après " + u, "<p>après</p>"))
                .put("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Après " + u))
                .body("tags", empty())
                .body("publishedAt", equalTo("2020-01-01T00:00:00Z"))
                .body("slug", equalTo("avant-" + u));
    }

    @Test
    void deleteReturns204ThenThePostIsGone() {
        String id = createPost(post("Supprimé " + unique(), "x"));
        editor().delete("/api/v1/posts/" + id).then().statusCode(204);
        given().get("/api/v1/posts/" + id).then().statusCode(404);
    }

    @Test
    void timestampsAreUtcIso8601() {
        String id = createPost(post("Horodatage " + unique(), "x"));
        given().get("/api/v1/posts/" + id)
                .then()
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"))
                .body("publishedAt", endsWith("Z"));
    }
}
