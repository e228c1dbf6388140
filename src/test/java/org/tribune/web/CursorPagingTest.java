package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/** Every list pages by cursor as well as by number; a cursor never repeats nor skips what existed throughout. */
@QuarkusTest
class CursorPagingTest extends ApiTestSupport {

    private static String post(String tag, int day) {
        return createPost(Map.of(
                "title",
                "Curseur " + tag + " " + day,
                "content",
                "<p>x</p>",
                "tags",
                List.of(tag),
                "publishedAt",
                Instant.parse("2024-01-01T10:00:00Z").plusSeconds(86_400L * day).toString()));
    }

    /** Follows the cursors from the first page to the last, calling between() after each page. */
    private static List<String> pageThrough(Supplier<RequestSpecification> caller, String url, Runnable between) {
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            RequestSpecification request = caller.get();
            if (next != null) {
                request.queryParam("after", next);
            }
            Response page = request.get(url).then().statusCode(200).extract().response();
            seen.addAll(page.path("items.id"));
            next = page.path("next");
            between.run();
        } while (next != null);
        return seen;
    }

    @Test
    void pagingByCursorWhilePostsAreInsertedAndTrashedNeverRepeatsOrSkipsOneThatExistedThroughout() {
        String tag = "curseur-" + unique();
        List<String> existing = new ArrayList<>();
        for (int day = 0; day < 24; day += 2) {
            existing.add(post(tag, day));
        }
        List<String> trashed = new ArrayList<>();
        int[] round = {0};
        List<String> seen = pageThrough(() -> given(), "/api/v1/posts?size=3&tag=" + tag, () -> {
            int r = round[0]++;
            // Newer and older posts appear, and one not yet read goes to the trash, between every two reads.
            post(tag, 30 + r);
            post(tag, 1 + 2 * r);
            if (r < 3) {
                String victim = existing.get(r); // the oldest: last in this order, not read yet
                editor().delete("/api/v1/posts/" + victim).then().statusCode(204);
                trashed.add(victim);
            }
        });

        assertThat(new HashSet<>(seen)).as("no post twice").hasSize(seen.size());
        List<String> throughout = new ArrayList<>(existing);
        throughout.removeAll(trashed);
        assertThat(seen).containsAll(throughout).doesNotContainAnyElementsOf(trashed);
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("/api/v1/posts?sort=title", Roles.EDITOR),
                Arguments.of("/api/v1/posts?sort=-updatedAt", Roles.EDITOR),
                Arguments.of("/api/v1/categories?sort=-postCount", Roles.EDITOR),
                Arguments.of("/api/v1/categories?sort=name", Roles.EDITOR),
                Arguments.of("/api/v1/honorary-citizens?sort=name", Roles.EDITOR),
                Arguments.of("/api/v1/awards?sort=-year,category", Roles.EDITOR),
                Arguments.of("/api/v1/prizes", Roles.EDITOR),
                Arguments.of("/api/v1/media", Roles.EDITOR),
                Arguments.of("/api/v1/users?sort=-lastLoginAt", Roles.ADMIN),
                Arguments.of("/api/v1/api-tokens", Roles.ADMIN),
                Arguments.of("/api/v1/trash/posts", Roles.EDITOR));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void everyListGivesTheSameItemsByCursorAsByPageNumber(String url, String role) {
        // Enough of each kind for several pages of two, with equal sort values (years, counts, null sign-ins).
        String u = unique();
        for (int i = 0; i < 3; i++) {
            createCategory("Curseur " + u + " " + i);
            createPrize("Prix curseur " + u + " " + i);
            json().body(Map.of("name", "Citoyen " + u + " " + i, "description", "x", "conferredOn", "2020-01-01"))
                    .post("/api/v1/honorary-citizens")
                    .then()
                    .statusCode(201);
            uploadImage();
            newAccount(Roles.AUTHOR);
            String trashed = createPost(Map.of("title", "Corbeille " + u + " " + i, "content", "<p>x</p>"));
            editor().delete("/api/v1/posts/" + trashed).then().statusCode(204);
        }
        String token = token(role);
        String separator = url.contains("?") ? "&" : "?";
        List<String> byNumber = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> ids =
                    as(token).get(url + separator + "size=100&page=" + page).path("items.id");
            if (ids.isEmpty()) {
                break;
            }
            byNumber.addAll(ids);
        }
        List<String> byCursor = pageThrough(() -> as(token), url + separator + "size=2", () -> {});

        assertThat(byCursor).isEqualTo(byNumber);
    }

    @Test
    void aCursorPageLinksToTheNextByCursorAndTheLastPageHasNoNext() {
        String tag = "lien-" + unique();
        for (int day = 0; day < 3; day++) {
            post(tag, day);
        }
        String next =
                given().get("/api/v1/posts?size=2&tag=" + tag).then().extract().path("next");
        given().queryParam("after", next)
                .get("/api/v1/posts?size=2&tag=" + tag)
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("totalItems", equalTo(3))
                .body("next", nullValue())
                .header("Link", containsString("rel=\"first\""))
                .header("Link", org.hamcrest.Matchers.not(containsString("rel=\"next\"")));
        String first =
                given().get("/api/v1/posts?size=1&tag=" + tag).then().extract().path("next");
        given().queryParam("after", first)
                .get("/api/v1/posts?size=1&tag=" + tag)
                .then()
                .header("Link", containsString("after="))
                .header("Link", containsString("rel=\"next\""));
    }

    @Test
    void aMalformedCursorIsRefusedNamingAfter() {
        given().queryParam("after", "not-a-cursor")
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("after"));
    }

    @Test
    void aCursorFromAnotherSortIsRefused() {
        String tag = "tri-" + unique();
        post(tag, 1);
        post(tag, 2);
        String next =
                given().get("/api/v1/posts?size=1&tag=" + tag).then().extract().path("next");
        given().queryParam("after", next)
                .get("/api/v1/posts?size=1&sort=title&tag=" + tag)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("after"))
                .body("errors.message", hasItem(containsString("sort=-publishedAt")));
    }

    @Test
    void aPageNumberWithACursorIsRefusedNamingPage() {
        Set<String> fields = new LinkedHashSet<>(given().queryParam("after", "x")
                .queryParam("page", 2)
                .get("/api/v1/categories")
                .then()
                .statusCode(400)
                .extract()
                .path("errors.field"));
        assertThat(fields).contains("page");
    }
}
