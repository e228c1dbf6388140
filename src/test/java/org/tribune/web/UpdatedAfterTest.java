package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.ApiTestSupport;

/**
 * {@code updatedAfter} on the six public lists: only what changed after the time, counted as such; and what it
 * cannot see, which the changes feed does.
 */
@QuarkusTest
class UpdatedAfterTest extends ApiTestSupport {

    private static String make(String list, String prize) {
        String name = "Depuis " + unique();
        return switch (list) {
            case "posts" -> createPost(Map.of("title", name, "content", "<p>x</p>"));
            case "categories" -> createCategory(name);
            case "media" -> uploadImage();
            case "honorary-citizens" -> createCitizen(name);
            case "prizes" -> createPrize(name);
            case "awards" ->
                createAward(Map.of(
                        "prize", prize,
                        "year", 2025,
                        "category", "Prix français",
                        "distinction", "laureate",
                        "recipientName", name,
                        "recipientDescription", "Militante",
                        "country", "FR"));
            default -> throw new IllegalArgumentException(list);
        };
    }

    private static String updatedAt(String list, String id) {
        return given().get("/api/v1/" + list + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("updatedAt");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"posts", "categories", "media", "honorary-citizens", "prizes", "awards"})
    void aListWithUpdatedAfterHoldsAndCountsOnlyWhatChangedAfterThatTime(String list) throws Exception {
        String prize = list.equals("awards") ? createPrize("Prix " + unique()) : null;
        String before = make(list, prize);
        String since = updatedAt(list, before);
        Thread.sleep(5);
        String after = make(list, prize);

        // Tests that move the clock forward leave items dated in the future, which this filter rightly returns too:
        // what is checked is that every item is later than the time, that the total counts exactly those, and that
        // the item made before is left out while the one made after is in.
        JsonPath page = given().queryParam("updatedAfter", since)
                .queryParam("size", 100)
                .get("/api/v1/" + list)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = page.getList("items.id");
        assertThat(ids).contains(after).doesNotContain(before);
        assertThat(page.getList("items.updatedAt", String.class))
                .allSatisfy(t -> assertThat(Instant.parse(t)).isAfter(Instant.parse(since)));
        assertThat(page.getLong("totalItems")).isEqualTo(ids.size());

        Supplier<Integer> total = () -> given().queryParam("updatedAfter", "2000-01-01T00:00:00Z")
                .get("/api/v1/" + list)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("totalItems");
        assertThat(total.get()).isGreaterThan(ids.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"posts", "categories", "media", "honorary-citizens", "prizes", "awards"})
    void aMalformedUpdatedAfterIsRefusedNamingIt(String list) {
        given().queryParam("updatedAfter", "yesterday")
                .get("/api/v1/" + list)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("updatedAfter"));
    }

    /** What the documentation says it cannot see: a removal leaves nothing to list. The feed tells it. */
    @org.junit.jupiter.api.Test
    void aRemovalIsNotInTheListSinceButIsInTheChangesFeed() {
        String post = createPost(Map.of("title", "Supprimé " + unique(), "content", "<p>x</p>"));
        String since = updatedAt("posts", post);
        String cursor = syncChanges(null, given(), item -> {});
        editor().delete("/api/v1/posts/" + post).then().statusCode(204);
        assertThat(given().queryParam("updatedAfter", since)
                        .queryParam("size", 100)
                        .get("/api/v1/posts")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id"))
                .doesNotContain(post);
        StringBuilder told = new StringBuilder();
        syncChanges(
                cursor, given(), item -> told.append(item.get("id")).append(' ').append(item.get("action")));
        assertThat(told.toString()).contains(post + " remove");
    }
}
