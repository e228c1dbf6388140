package org.tribune.sitemap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

@QuarkusTest
class SitemapApiTest extends ApiTestSupport {

    static void siteAt(String baseUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", "Droits humains");
        settings.put("language", "fr");
        settings.put("timeZone", "Europe/Paris");
        settings.put("baseUrl", baseUrl);
        settings.put(
                "permalinks",
                Map.of(
                        "post", "/{yyyy}/{mm}/{slug}",
                        "category", "/rubriques/{slug}",
                        "tag", "/mots-cles/{slug}",
                        "honoraryCitizen", "/citoyens/{slug}",
                        "prize", "/prix/{slug}",
                        "award", "/prix/{prize}/{year}#laureat-{id}"));
        as(token(Roles.ADMIN)).body(settings).put("/api/v1/site").then().statusCode(200);
    }

    @Test
    void theSitemapListsEveryPublicPageSearchEnginesMayListWithItsLastChangeAndValidates() throws Exception {
        siteAt("https://example.org");
        String u = unique();
        String category = createCategory("Carte " + u);
        createCategory(Map.of("name", "Cachée " + u, "seo", Map.of("noindex", true)));
        String post = createPost(Map.of(
                "title", "Publié " + u,
                "content", "<p>x</p>",
                "status", "published",
                "publishedAt", "2025-06-01T10:00:00Z",
                "categories", java.util.List.of(category)));
        createPost(Map.of("title", "Brouillon " + u, "content", "<p>x</p>", "status", "draft"));
        createPost(Map.of(
                "title",
                "Programmé " + u,
                "content",
                "<p>x</p>",
                "status",
                "scheduled",
                "publishedAt",
                "2099-01-01T00:00:00Z"));
        createPost(Map.of(
                "title", "Noindex " + u, "content", "<p>x</p>", "status", "published", "seo", Map.of("noindex", true)));
        createCitizen("Citoyenne " + u);
        String prize = createPrize("Prix " + u);
        createAward(Map.of(
                "prize",
                prize,
                "year",
                2025,
                "category",
                "Prix spécial",
                "distinction",
                "laureate",
                "recipientName",
                "A " + u));
        createAward(Map.of(
                "prize",
                prize,
                "year",
                2025,
                "category",
                "Prix français",
                "distinction",
                "laureate",
                "recipientName",
                "B " + u));

        Response response = given().get("/api/v1/sitemap.xml");
        response.then().statusCode(200).contentType("application/xml").header("Cache-Control", "public, no-cache");
        byte[] xml = response.asByteArray();
        assertThat(SitemapSupport.root(xml)).isEqualTo("urlset");
        SitemapSupport.validate(xml, "sitemap.xsd");
        Map<String, Instant> entries = SitemapSupport.entries(xml);
        String postSlug = given().get("/api/v1/posts/" + post).path("slug");
        assertThat(entries)
                .containsKey("https://example.org/")
                .containsKey("https://example.org/2025/06/" + postSlug)
                .containsKey("https://example.org/rubriques/carte-" + u)
                .containsKey("https://example.org/citoyens/citoyenne-" + u)
                .containsKey("https://example.org/prix/prix-" + u)
                // Both awards are on their prize's page of 2025: one URL, no fragment.
                .containsKey("https://example.org/prix/prix-" + u + "/2025");
        assertThat(entries.keySet())
                .noneMatch(url -> url.contains("brouillon-" + u) || url.contains("programme-" + u))
                .noneMatch(url -> url.contains("noindex-" + u) || url.contains("cachee-" + u))
                .noneMatch(url -> url.contains("#"));
        assertThat(entries.get("https://example.org/2025/06/" + postSlug))
                .isEqualTo(Instant.parse(given().get("/api/v1/posts/" + post).path("updatedAt")));
    }

    @Test
    void theSitemapAnswers304WhileUnchangedAnd409WithoutABaseUrl() {
        siteAt("https://example.org");
        Response first = given().get("/api/v1/sitemap.xml");
        given().header("If-None-Match", first.header("ETag"))
                .get("/api/v1/sitemap.xml")
                .then()
                .statusCode(304);
        given().get("/api/v1/sitemaps/1.xml").then().statusCode(404);
        siteAt(null);
        given().get("/api/v1/sitemap.xml").then().statusCode(409).contentType("application/problem+json");
        siteAt("https://example.org");
    }
}
