package org.tribune.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

@QuarkusTest
class SiteSettingsApiTest extends ApiTestSupport {

    private static final Map<String, String> PATTERNS = Map.of(
            "post", "/{yyyy}/{mm}/{dd}/{slug}",
            "category", "/rubriques/{slug}",
            "tag", "/mots-cles/{slug}",
            "honoraryCitizen", "/citoyens-d-honneur/{slug}",
            "prize", "/prix/{slug}",
            "award", "https://prix.example.net/{prize}/{year}#laureat-{id}");

    private static Map<String, Object> settings(String baseUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Droits humains à Paris");
        body.put("description", "Votes, prix et citoyennetés d'honneur");
        body.put("language", "fr");
        body.put("timeZone", "Europe/Paris");
        body.put("baseUrl", baseUrl);
        body.put("permalinks", PATTERNS);
        return body;
    }

    private static Response put(Map<String, Object> body) {
        return as(token(Roles.ADMIN)).body(body).put("/api/v1/site");
    }

    @Test
    void anyoneReadsTheSettingsWithAnEtagAndGets304WhenUnchanged() {
        put(settings("https://example.org")).then().statusCode(200);
        String etag = given().get("/api/v1/site")
                .then()
                .statusCode(200)
                .body("name", equalTo("Droits humains à Paris"))
                .body("language", equalTo("fr"))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("baseUrl", equalTo("https://example.org"))
                .body("permalink", equalTo("https://example.org/"))
                .body("permalinks.post", equalTo("/{yyyy}/{mm}/{dd}/{slug}"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/site").then().statusCode(304);
    }

    @Test
    void everyRepresentationCarriesItsPermalinkMadeFromTheSettings() {
        put(settings("https://example.org/")).then().statusCode(200).body("baseUrl", equalTo("https://example.org"));
        String u = unique();
        String category = createCategory("Rubrique " + u);
        // 23:30 UTC on 31 December is already 1 January in Paris: the date placeholders read the site's time zone.
        String post = createPost(Map.of(
                "title", "Billet " + u,
                "content", "<p>Texte</p>",
                "status", "published",
                "publishedAt", "2025-12-31T23:30:00Z",
                "categories", List.of(category)));
        String citizen = createCitizen("Citoyenne " + u);
        String prize = createPrize("Prix " + u);
        String award = createAward(Map.of(
                "prize",
                prize,
                "year",
                2025,
                "category",
                "Prix spécial",
                "distinction",
                "laureate",
                "recipientName",
                "Lauréate " + u));

        given().get("/api/v1/posts/" + post)
                .then()
                .body("permalink", equalTo("https://example.org/2026/01/01/billet-" + u));
        given().queryParam("category", "rubrique-" + u)
                .get("/api/v1/posts")
                .then()
                .body("items[0].permalink", equalTo("https://example.org/2026/01/01/billet-" + u));
        given().get("/api/v1/categories/" + category)
                .then()
                .body("permalink", equalTo("https://example.org/rubriques/rubrique-" + u));
        given().get("/api/v1/honorary-citizens/" + citizen)
                .then()
                .body("permalink", equalTo("https://example.org/citoyens-d-honneur/citoyenne-" + u));
        given().get("/api/v1/prizes/" + prize).then().body("permalink", equalTo("https://example.org/prix/prix-" + u));
        given().get("/api/v1/awards/" + award)
                .then()
                .body("permalink", equalTo("https://prix.example.net/prix-" + u + "/2025#laureat-" + award));
    }

    @Test
    void withoutABaseUrlPermalinksOnTheSiteAreNullAndADraftHasTheOneItsDateGivesIt() {
        put(settings(null)).then().statusCode(200).body("baseUrl", nullValue()).body("permalink", nullValue());
        String u = unique();
        String category = createCategory("Sans adresse " + u);
        given().get("/api/v1/categories/" + category).then().body("permalink", nullValue());

        put(settings("https://example.org")).then().statusCode(200);
        String draft = createPost(Map.of("title", "Brouillon " + u, "content", "<p>x</p>", "status", "draft"));
        given().auth()
                .oauth2(token(Roles.EDITOR))
                .get("/api/v1/posts/" + draft)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("permalink", org.hamcrest.Matchers.endsWith("/brouillon-" + u));
    }

    @Test
    void badSettingsGet400NamingEachFieldAndChangeNothing() {
        put(settings("https://example.org")).then().statusCode(200);
        Map<String, Object> body = settings("ftp://example.org");
        Map<String, String> patterns = new HashMap<>(PATTERNS);
        patterns.put("post", "/{yyyy}/{month}/{slug}");
        patterns.put("category", "/rubriques");
        patterns.put("tag", "mots-cles/{slug}");
        body.put("permalinks", patterns);
        body.put("timeZone", "Paris");
        body.put("language", "pas une langue");
        body.put("defaultImage", "00000000-0000-0000-0000-0000000000ff");
        put(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "baseUrl",
                                "permalinks.post",
                                "permalinks.category",
                                "permalinks.tag",
                                "timeZone",
                                "language",
                                "defaultImage"));
        given().get("/api/v1/site").then().body("baseUrl", equalTo("https://example.org"));

        for (String relative : List.of("example.org", "/chemin", "https://", "https://example.org?x=1")) {
            put(settings(relative)).then().statusCode(400).body("errors.field", hasItem("baseUrl"));
        }
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("permalinks", Map.of("award", "/prix/{prize}/{year}")))
                .patch("/api/v1/site")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("permalinks.award"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("{id}"));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndIfMatchGuardsAgainstLostUpdates() {
        String etag = put(settings("https://example.org"))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        mergePatchAs(token(Roles.ADMIN))
                .header("If-Match", etag)
                .body(Map.of("permalinks", Map.of("post", "/actualites/{slug}")))
                .patch("/api/v1/site")
                .then()
                .statusCode(200)
                .body("permalinks.post", equalTo("/actualites/{slug}"))
                .body("permalinks.category", equalTo("/rubriques/{slug}"))
                .body("baseUrl", equalTo("https://example.org"));
        mergePatchAs(token(Roles.ADMIN))
                .header("If-Match", etag)
                .body(Map.of("name", "Autre nom"))
                .patch("/api/v1/site")
                .then()
                .statusCode(412);
        given().get("/api/v1/site").then().body("name", equalTo("Droits humains à Paris"));
    }

    @Test
    void onlyAdminsChangeTheSettings() {
        json().body(settings("https://example.org")).put("/api/v1/site").then().statusCode(403);
        anonymousJson()
                .body(settings("https://example.org"))
                .put("/api/v1/site")
                .then()
                .statusCode(401);
    }

    @Test
    void movingThePermalinksPutsEveryItemTheyMoveInTheChangesFeed() {
        put(settings("https://example.org")).then().statusCode(200);
        String u = unique();
        String post = createPost(Map.of(
                "title",
                "Suivi " + u,
                "content",
                "<p>x</p>",
                "status",
                "published",
                "publishedAt",
                "2025-03-01T10:00:00Z"));
        String category = createCategory("Suivie " + u);
        createCitizen("Suivi " + u);
        createPrize("Suivi " + u);
        String cursor = syncChanges(null, given(), item -> {});

        Map<String, Object> moved = settings("https://www.example.org");
        put(moved).then().statusCode(200);
        Map<Object, Object> permalinks = new HashMap<>();
        Set<Object> types = new HashSet<>();
        syncChanges(cursor, given().queryParam("include", "resource"), item -> {
            types.add(item.get("type"));
            if (item.get("resource") instanceof Map<?, ?> resource) {
                permalinks.put(item.get("id"), resource.get("permalink"));
            }
        });
        assertThat(types).contains("site", "post", "category", "honorary-citizen", "prize");
        assertThat(permalinks.get(post)).isEqualTo("https://www.example.org/2025/03/01/suivi-" + u);
        assertThat(permalinks.get(category)).isEqualTo("https://www.example.org/rubriques/suivie-" + u);

        // The awards' pattern is absolute: a new base URL does not move them, so they stay out of the feed.
        String after = syncChanges(null, given(), item -> {});
        put(settings("https://example.org")).then().statusCode(200);
        Set<Object> again = new HashSet<>();
        syncChanges(after, given(), item -> again.add(item.get("type")));
        assertThat(again).doesNotContain("award");
    }

    @Test
    void theDefaultImageIsAnImageAndDeletingItNamesTheSettingsUnlessForced() {
        String image = uploadImage();
        Map<String, Object> body = settings("https://example.org");
        body.put("defaultImage", image);
        put(body)
                .then()
                .statusCode(200)
                .body("defaultImage.id", equalTo(image))
                .body("defaultImage.url", notNullValue());
        editor().delete("/api/v1/media/" + image).then().statusCode(409);
        editor().queryParam("force", true)
                .delete("/api/v1/media/" + image)
                .then()
                .statusCode(204);
        given().get("/api/v1/site").then().body("defaultImage", nullValue());
    }
}
