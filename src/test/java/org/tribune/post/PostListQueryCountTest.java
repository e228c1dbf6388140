package org.tribune.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** Guards against N+1: a page of 100 listing cards costs the same statements as a page of 1. */
@QuarkusTest
class PostListQueryCountTest extends ApiTestSupport {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void listingIssuesTheSameNumberOfStatementsForOneAndForAHundredPosts() {
        String u = unique();
        String a = createCategory("Requêtes A " + u);
        String b = createCategory("Requêtes B " + u);
        List<String> media = List.of(uploadImage(), uploadImage(), uploadImage());
        String citizen = createCitizen("Citoyenne " + u);
        String prize = json().body(Map.of("name", "Prix " + u))
                .post("/api/v1/prizes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String award = json().body(Map.of(
                        "prize",
                        prize,
                        "year",
                        2025,
                        "category",
                        "Prix français",
                        "distinction",
                        "laureate",
                        "recipientName",
                        "Lauréate " + u))
                .post("/api/v1/awards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int i = 0; i < 100; i++) {
            createPost(Map.of(
                    "title",
                    "Post " + i + " " + u,
                    "content",
                    "<p>texte " + i + "</p>",
                    "categories",
                    i % 2 == 0 ? List.of(a) : List.of(a, b),
                    "tags",
                    List.of(u, "t" + i),
                    "featuredMedia",
                    media.get(i % 3),
                    "gallery",
                    List.of(media.get((i + 1) % 3), media.get((i + 2) % 3)),
                    "honoraryCitizens",
                    List.of(citizen),
                    "awards",
                    List.of(award)));
        }
        long one = withoutBackgroundJobs(() -> statementsFor(u, 1));
        long hundred = withoutBackgroundJobs(() -> statementsFor(u, 100));
        assertThat(hundred).isEqualTo(one);
        // count, page, category ids, tags, category summaries, authors, gallery ids, media with their sizes,
        // honorary citizen ids and summaries, award ids, summaries and their prizes, the site's settings (permalinks)
        assertThat(one).isLessThanOrEqualTo(14);
    }

    private long statementsFor(String tag, int size) {
        // The first read after writes also asks when the next scheduled post is due (ContentVersion): not counted.
        given().get("/api/v1/categories").then().statusCode(200);
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        given().queryParam("tag", tag)
                .queryParam("size", size)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items", hasSize(size))
                .body("items[0].featuredMedia.sizes.thumbnail.url", Matchers.notNullValue())
                .body("items[0].gallery", hasSize(2))
                .body("items[0].honoraryCitizens", hasSize(1))
                .body("items[0].awards[0].prize.name", Matchers.startsWith("Prix "));
        return stats.getPrepareStatementCount();
    }
}
