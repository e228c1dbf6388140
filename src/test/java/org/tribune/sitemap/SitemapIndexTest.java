package org.tribune.sitemap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** A sitemap past its limit (3 URLs here, 50,000 in production) becomes an index of parts, as the protocol asks. */
@QuarkusTest
@TestProfile(SitemapIndexTest.WithThreeUrlsASitemap.class)
class SitemapIndexTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static class WithThreeUrlsASitemap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("sitemap", RUN, Map.of("tribune.sitemap.max-urls", "3"));
        }
    }

    @Test
    void pastItsLimitTheSitemapIsAnIndexWhosePartsHoldEveryPageOnceAndValidate() throws Exception {
        SitemapApiTest.siteAt("https://example.org");
        String u = unique();
        for (int i = 0; i < 7; i++) {
            createPost(Map.of("title", "Page " + i + " " + u, "content", "<p>x</p>", "status", "published"));
        }
        byte[] index = given().get("/api/v1/sitemap.xml")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(SitemapSupport.root(index)).isEqualTo("sitemapindex");
        SitemapSupport.validate(index, "siteindex.xsd");
        Map<String, Instant> parts = SitemapSupport.entries(index);
        // 7 posts and the home page: 3 parts of at most 3.
        assertThat(parts).hasSize(3);

        Map<String, Instant> all = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Instant> part : parts.entrySet()) {
            n++;
            assertThat(part.getKey()).endsWith("/api/v1/sitemaps/" + n + ".xml");
            byte[] xml = given().get(part.getKey().replaceFirst("^https?://[^/]+", ""))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            SitemapSupport.validate(xml, "sitemap.xsd");
            Map<String, Instant> entries = SitemapSupport.entries(xml);
            assertThat(entries).hasSizeBetween(1, 3);
            assertThat(part.getValue())
                    .as("a part's lastmod is its newest page's")
                    .isEqualTo(entries.values().stream().max(Instant::compareTo).orElseThrow());
            entries.keySet()
                    .forEach(url ->
                            assertThat(all.put(url, entries.get(url))).as(url).isNull());
        }
        assertThat(all).hasSize(8).containsKey("https://example.org/");
        given().get("/api/v1/sitemaps/4.xml").then().statusCode(404);
        given().get("/api/v1/sitemaps/0.xml").then().statusCode(400);
    }
}
