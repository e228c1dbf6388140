package org.tribune.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * The bounded plan (SearchWindow), with a window of 3 posts instead of 1,000 so that a handful of posts exceeds it.
 * Runs on both engines, which must draw the same window.
 */
@QuarkusTest
@TestProfile(SearchWindowTest.WithAWindowOfThree.class)
class SearchWindowTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static class WithAWindowOfThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("search_window", RUN, Map.of("tribune.search.max-candidates", "3"));
        }
    }

    /** Posts with the word, one a year from 2020 on; the oldest has it in its title, and would rank first. */
    private static List<String> postsFrom2020(String w, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = SearchApiTest.post(
                    i == 0 ? "Titre " + w : "Billet " + i, "<p>Le texte parle de " + w + " une fois.</p>");
            body.put("publishedAt", (2020 + i) + "-01-01T00:00:00Z");
            ids.add(createPost(body));
        }
        return ids;
    }

    private static Response searched(String path, String w, String... more) {
        var request = given().queryParam("q", w);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.queryParam(more[i], more[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().response();
    }

    @Test
    void aWordInMorePostsThanTheWindowIsRankedAndCountedOverTheNewestPostsAndEveryUndatedMatch() {
        String w = SearchApiTest.word();
        String category = createCategory("Rubrique " + w);
        List<String> posts = postsFrom2020(w, 5);

        Response found = searched("/api/v1/search", w);
        JsonPath body = found.jsonPath();
        assertThat(body.getString("since")).isEqualTo("2022-01-01T00:00:00Z");
        assertThat(found.header("Search-Since")).isEqualTo("2022-01-01T00:00:00Z");
        assertThat(body.getList("items.id", String.class))
                .containsExactlyInAnyOrder(category, posts.get(2), posts.get(3), posts.get(4));
        assertThat(body.getInt("totalItems")).isEqualTo(4);
        assertThat(found.header("X-Total-Count")).isEqualTo("4");
        assertThat(body.getList("facets.types.type")).containsExactly("post", "category");
        assertThat(body.getList("facets.types.count", Integer.class)).containsExactly(3, 1);
        assertThat(body.getList("facets.years.year", Integer.class)).containsExactlyInAnyOrder(2022, 2023, 2024);
    }

    @Test
    void aFilterDrawsTheWindowOverWhatItLetsThroughSoThatAYearReachesOlderPosts() {
        String w = SearchApiTest.word();
        List<String> posts = postsFrom2020(w, 5);

        Response in2020 = searched("/api/v1/search", w, "year", "2020");
        assertThat(in2020.jsonPath().getList("items.id", String.class)).containsExactly(posts.get(0));
        assertThat(in2020.jsonPath().getString("since")).isNull();
        assertThat(in2020.header("Search-Since")).isNull();

        Response postsOnly = searched("/api/v1/search", w, "type", "post");
        assertThat(postsOnly.jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrder(posts.get(2), posts.get(3), posts.get(4));
    }

    @Test
    void thePostListWithQSaysWhereItsWindowStartsAndSortingByDateCoversEveryMatch() {
        String w = SearchApiTest.word();
        List<String> posts = postsFrom2020(w, 5);

        Response ranked = searched("/api/v1/posts", w);
        assertThat(ranked.header("Search-Since")).isEqualTo("2022-01-01T00:00:00Z");
        assertThat(ranked.jsonPath().getInt("totalItems")).isEqualTo(3);
        assertThat(ranked.jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrder(posts.get(2), posts.get(3), posts.get(4));
        assertThat(ranked.jsonPath().getMap("$")).doesNotContainKey("searchedSince");

        Response byDate = searched("/api/v1/posts", w, "sort", "-publishedAt");
        assertThat(byDate.header("Search-Since")).isNull();
        assertThat(byDate.jsonPath().getList("items.id", String.class))
                .containsExactly(posts.get(4), posts.get(3), posts.get(2), posts.get(1), posts.get(0));
    }

    @Test
    void noMoreMatchesThanTheWindowHoldsCoversThemAllAndSaysNothing() {
        String w = SearchApiTest.word();
        List<String> posts = postsFrom2020(w, 3);

        Response found = searched("/api/v1/search", w);
        assertThat(found.header("Search-Since")).isNull();
        found.then().body("since", nullValue()).body("totalItems", equalTo(3));
        // The post with the word in its title ranks first when it is in.
        assertThat(found.jsonPath().getString("items[0].id")).isEqualTo(posts.get(0));
    }

    @Test
    void postsTheCallerMayNotSeeNeverTakeAPlaceInTheWindow() {
        String w = SearchApiTest.word();
        List<String> published = postsFrom2020(w, 3);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> scheduled = SearchApiTest.post("Programmé " + w, "<p>x</p>");
            scheduled.put("status", "scheduled");
            scheduled.put(
                    "publishedAt", Instant.now().plus(Duration.ofDays(2 + i)).toString());
            createPost(scheduled);
        }

        Response anonymous = searched("/api/v1/search", w);
        assertThat(anonymous.header("Search-Since")).isNull();
        assertThat(anonymous.jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrderElementsOf(published);

        Response editor = given().auth()
                .oauth2(token(Roles.EDITOR))
                .queryParam("q", w)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(editor.header("Search-Since")).isEqualTo("2022-01-01T00:00:00Z");
        assertThat(editor.jsonPath().getInt("totalItems")).isEqualTo(3);
    }
}
