package org.tribune.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/**
 * The relevance fixture (src/test/resources/search/relevance-fr.json): French queries over the demo section, each
 * with the hits that must come first or in the top 3, and those that must not appear. It runs on whichever engine the
 * build's database brings (Lucene on H2, PostgreSQL's full text on PostgreSQL), and CI runs both.
 */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemo.class)
class DemoSearchRelevanceTest extends ApiTestSupport {

    record Expectation(String q, String first, List<String> top3, List<String> absent, boolean none) {}

    @Test
    void everyQueryOfTheFrenchRelevanceFixtureFindsWhatItMustAndNothingItMustNot() throws IOException {
        List<Expectation> fixture;
        try (InputStream in = getClass().getResourceAsStream("/search/relevance-fr.json")) {
            fixture = new ObjectMapper().readValue(in, new TypeReference<>() {});
        }
        assertThat(fixture).hasSizeGreaterThanOrEqualTo(30);
        List<String> failures = new ArrayList<>();
        for (Expectation e : fixture) {
            JsonPath answer = given().queryParam("q", e.q())
                    .queryParam("size", 50)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> titles = answer.getList("items.title", String.class);
            boolean allWords = answer.getBoolean("matchedAllWords");
            List<String> top = titles.subList(0, Math.min(3, titles.size()));
            if (e.first() != null && (titles.isEmpty() || !titles.get(0).equals(e.first()))) {
                failures.add(e.q() + ": first should be '" + e.first() + "', got " + top);
            }
            if (e.top3() != null && !top.containsAll(e.top3())) {
                failures.add(e.q() + ": top 3 should hold " + e.top3() + ", got " + top);
            }
            if (e.absent() != null) {
                List<String> present =
                        e.absent().stream().filter(titles::contains).toList();
                if (!present.isEmpty()) {
                    failures.add(e.q() + ": should not find " + present + ", got " + titles);
                }
            }
            if (e.none() && allWords && !titles.isEmpty()) {
                failures.add(e.q() + ": should find nothing with every word, got " + titles);
            }
        }
        assertThat(failures).as("queries of the fixture that failed").isEmpty();
    }
}
