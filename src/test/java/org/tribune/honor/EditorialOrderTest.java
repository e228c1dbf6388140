package org.tribune.honor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** The order editors choose, as the reference page shows it: prize categories, embedded honours, card categories. */
@QuarkusTest
class EditorialOrderTest extends ApiTestSupport {

    private static String award(String prize, String category, String distinction, String recipient) {
        return createAward(Map.of(
                "prize", prize,
                "year", 2025,
                "category", category,
                "distinction", distinction,
                "recipientName", recipient));
    }

    private static List<String> awardOrder(String prizeSlug) {
        return given().queryParam("prize", prizeSlug)
                .queryParam("year", 2025)
                .get("/api/v1/awards")
                .then()
                .statusCode(200)
                .extract()
                .path("items.recipientName");
    }

    @Test
    void awardsFollowTheirPrizesCategoryOrderThenDistinctionThenRecipientWithOtherCategoriesAfterAlphabetically() {
        String u = unique();
        String prize = json().body(Map.of(
                        "name",
                        "Prix LGBTQIA+ " + u,
                        "categories",
                        List.of("Prix spécial", "Prix français", "Prix francophone", "Prix international")))
                .post("/api/v1/prizes")
                .then()
                .statusCode(201)
                .body(
                        "categories",
                        equalTo(List.of("Prix spécial", "Prix français", "Prix francophone", "Prix international")))
                .extract()
                .path("id");
        award(prize, "Prix international", "special_mention", "Yildiz Tar");
        award(prize, "Prix francophone", "special_mention", "Aimé Biombi Akiki");
        award(prize, "Mention du jury", "laureate", "Zoé Martin");
        award(prize, "Prix français", "laureate", "Carine Bahanag");
        award(prize, "Prix international", "laureate", "Viktória Radványi");
        award(prize, "Épilogue", "laureate", "Alain Durand");
        award(prize, "Prix spécial", "special_prize", "Anne Hidalgo");
        award(prize, "Prix francophone", "laureate", "Bouhdid Belhedi");
        award(prize, "Prix français", "special_mention", "Paulo Higgins");
        award(prize, "Prix français", "special_mention", "Ada Bernard");
        String slug = "prix-lgbtqia-" + u;

        org.assertj.core.api.Assertions.assertThat(awardOrder(slug))
                .containsExactly(
                        "Anne Hidalgo",
                        "Carine Bahanag",
                        "Ada Bernard",
                        "Paulo Higgins",
                        "Bouhdid Belhedi",
                        "Aimé Biombi Akiki",
                        "Viktória Radványi",
                        "Yildiz Tar",
                        // Not in the prize's list: after it, in French alphabetical order ("Épilogue" before
                        // "Mention").
                        "Alain Durand",
                        "Zoé Martin");

        // Editors reorder the list: awards already given follow at once.
        mergePatch()
                .body(Map.of("categories", List.of("Prix international", "Mention du jury")))
                .patch("/api/v1/prizes/" + prize)
                .then()
                .statusCode(200)
                .body("categories", equalTo(List.of("Prix international", "Mention du jury")));
        org.assertj.core.api.Assertions.assertThat(awardOrder(slug))
                .containsExactly(
                        "Viktória Radványi",
                        "Yildiz Tar",
                        "Zoé Martin",
                        "Alain Durand",
                        "Carine Bahanag",
                        "Ada Bernard",
                        "Paulo Higgins",
                        "Bouhdid Belhedi",
                        "Aimé Biombi Akiki",
                        "Anne Hidalgo");
        // An explicit sort still wins.
        given().queryParam("prize", slug)
                .queryParam("sort", "recipientName")
                .queryParam("size", 1)
                .get("/api/v1/awards")
                .then()
                .body("items[0].recipientName", equalTo("Ada Bernard"));
    }

    @Test
    void aCategoryListedTwiceGets400NamingItsPlace() {
        String u = unique();
        json().body(Map.of("name", "Prix doublé " + u, "categories", List.of("Prix spécial", "prix SPECIAL")))
                .post("/api/v1/prizes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("categories[1]"));
        given().queryParam("size", 100)
                .get("/api/v1/prizes")
                .then()
                .body("items.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Prix doublé " + u)));
    }

    @Test
    void aPostEmbedsItsHonoraryCitizensAndAwardsInTheOrderTheEditorGaveThem() {
        String u = unique();
        String first = createCitizen("Zéphyrine " + u);
        String second = createCitizen("Adèle " + u);
        String third = createCitizen("Maya " + u);
        String prize = createPrize("Prix ordonné " + u);
        String a = award(prize, "Prix français", "laureate", "Zora " + u);
        String b = award(prize, "Prix français", "laureate", "Anna " + u);
        String post = createPost(Map.of(
                "title", "Ordre " + u,
                "content", "<p>x</p>",
                "tags", List.of(u),
                "honoraryCitizens", List.of(first, third, second),
                "awards", List.of(a, b)));

        given().get("/api/v1/posts/" + post)
                .then()
                .body("honoraryCitizens.id", equalTo(List.of(first, third, second)))
                .body("awards.id", equalTo(List.of(a, b)));
        given().queryParam("tag", u)
                .get("/api/v1/posts")
                .then()
                .body("items[0].honoraryCitizens.id", equalTo(List.of(first, third, second)))
                .body("items[0].awards.id", equalTo(List.of(a, b)));

        mergePatch()
                .body(Map.of("honoraryCitizens", List.of(second, first), "awards", List.of(b, a)))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("honoraryCitizens.id", equalTo(List.of(second, first)))
                .body("awards.id", equalTo(List.of(b, a)));
        given().get("/api/v1/posts/" + post).then().body("honoraryCitizens.id", equalTo(List.of(second, first)));
    }

    @Test
    void categoriesInAPostAreInFrenchOrderAccentsAside() {
        String u = unique();
        String solidarity = createCategory("Solidarité " + u);
        String equality = createCategory("Égalité " + u);
        String freedom = createCategory("liberté " + u);
        String post = createPost(Map.of(
                "title",
                "Valeurs " + u,
                "content",
                "<p>x</p>",
                "tags",
                List.of(u),
                "categories",
                List.of(solidarity, freedom, equality)));
        List<String> expected = List.of("Égalité " + u, "liberté " + u, "Solidarité " + u);
        given().get("/api/v1/posts/" + post).then().body("categories.name", equalTo(expected));
        given().queryParam("tag", u).get("/api/v1/posts").then().body("items[0].categories.name", equalTo(expected));
    }
}
