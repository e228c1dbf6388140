package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * When anything a representation embeds changes, the representation gets a new ETag and a later Last-Modified, and
 * If-Modified-Since and If-None-Match give the same answer: no conditional read is ever told "not modified" about
 * content that changed.
 */
@QuarkusTest
class EmbeddedChangeTest extends ApiTestSupport {

    /** What a case sets up: the URL of the representation to read, and the change made to something it embeds. */
    record Case(String url, Runnable change) {}

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("a category's name, in a post", (Function<String, Case>) u -> {
                    String category = createCategory("Avant " + u);
                    String post = createPost(
                            Map.of("title", "Catégorie " + u, "content", "<p>x</p>", "categories", List.of(category)));
                    return new Case(
                            "/api/v1/posts/" + post,
                            () -> mergePatch()
                                    .body(Map.of("name", "Après " + u))
                                    .patch("/api/v1/categories/" + category)
                                    .then()
                                    .statusCode(200));
                }),
                Arguments.of("a photo's alt text, in a post", (Function<String, Case>) u -> {
                    String photo = uploadImage();
                    String post =
                            createPost(Map.of("title", "Photo " + u, "content", "<p>x</p>", "featuredMedia", photo));
                    return new Case(
                            "/api/v1/posts/" + post,
                            () -> mergePatch()
                                    .body(Map.of("alt", "Nouvelle description " + u))
                                    .patch("/api/v1/media/" + photo)
                                    .then()
                                    .statusCode(200));
                }),
                Arguments.of("an author's display name, in a post", (Function<String, Case>) u -> {
                    TestAccount author = newAccount(Roles.EDITOR);
                    String post = as(author.token())
                            .body(Map.of("title", "Auteur " + u, "content", "<p>x</p>", "status", "published"))
                            .post("/api/v1/posts")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return new Case(
                            "/api/v1/posts/" + post,
                            () -> mergePatchAs(token(Roles.ADMIN))
                                    .body(Map.of("displayName", "Autrice " + u))
                                    .patch("/api/v1/users/" + author.id())
                                    .then()
                                    .statusCode(200));
                }),
                Arguments.of("an honorary citizen's name, in a post", (Function<String, Case>) u -> {
                    String citizen = createCitizen("Citoyen " + u);
                    String post = createPost(Map.of(
                            "title", "Citoyen " + u, "content", "<p>x</p>", "honoraryCitizens", List.of(citizen)));
                    return new Case(
                            "/api/v1/posts/" + post,
                            () -> mergePatch()
                                    .body(Map.of("name", "Citoyenne " + u))
                                    .patch("/api/v1/honorary-citizens/" + citizen)
                                    .then()
                                    .statusCode(200));
                }),
                Arguments.of("a post's title, in the honorary citizen it is about", (Function<String, Case>) u -> {
                    String citizen = createCitizen("Sujet " + u);
                    String post = createPost(
                            Map.of("title", "Récit " + u, "content", "<p>x</p>", "honoraryCitizens", List.of(citizen)));
                    return new Case(
                            "/api/v1/honorary-citizens/" + citizen,
                            () -> mergePatch()
                                    .body(Map.of("title", "Récit révisé " + u))
                                    .patch("/api/v1/posts/" + post)
                                    .then()
                                    .statusCode(200));
                }),
                Arguments.of("a new post, in its category's postCount", (Function<String, Case>) u -> {
                    String category = createCategory("Compte " + u);
                    return new Case(
                            "/api/v1/categories/" + category,
                            () -> createPost(Map.of(
                                    "title", "Compté " + u, "content", "<p>x</p>", "categories", List.of(category))));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeToSomethingEmbeddedMovesTheEtagAndLastModifiedTogether(String what, Function<String, Case> setUp) {
        Case c = setUp.apply(unique());
        Response before = given().get(c.url()).then().statusCode(200).extract().response();
        String etag = before.header("ETag");
        String lastModified = before.header("Last-Modified");

        c.change().run();

        Response after = given().get(c.url()).then().statusCode(200).extract().response();
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(parse(after.header("Last-Modified"))).isAfter(parse(lastModified));
        given().header("If-Modified-Since", lastModified).get(c.url()).then().statusCode(200);
        given().header("If-None-Match", etag).get(c.url()).then().statusCode(200);
        given().header("If-Modified-Since", after.header("Last-Modified"))
                .get(c.url())
                .then()
                .statusCode(304);
        given().header("If-None-Match", after.header("ETag"))
                .get(c.url())
                .then()
                .statusCode(304);
    }

    private static ZonedDateTime parse(String httpDate) {
        return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
