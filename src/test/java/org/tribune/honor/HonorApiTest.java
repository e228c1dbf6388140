package org.tribune.honor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
class HonorApiTest extends ApiTestSupport {

    private static Map<String, Object> citizen(String name, String conferredOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "Défenseuse des droits humains");
        body.put("country", "fr");
        body.put("conferredOn", conferredOn);
        body.put("vote", "unanimous");
        return body;
    }

    private static String createCitizen(Map<String, Object> body) {
        return json().body(body)
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String createAward(String prize, String category, String distinction, String recipient) {
        return json().body(Map.of(
                        "prize",
                        prize,
                        "year",
                        2025,
                        "category",
                        category,
                        "distinction",
                        distinction,
                        "recipientName",
                        recipient,
                        "recipientDescription",
                        "Militante",
                        "country",
                        "HU"))
                .post("/api/v1/awards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void honoraryCitizensHaveFullCrudWithSanitizedCitationsAndSituationDates() {
        String u = unique();
        Map<String, Object> body = citizen("Cécile Kohler " + u, "2025-06-17");
        body.put("citation", "<p>Pour <b>elle</b></p><script>alert(1)</script>");
        body.put("situation", "Détenue en Iran depuis 2022");
        body.put("decisionReference", "2025 DGRI 42");
        String id = createCitizen(body);

        given().get("/api/v1/honorary-citizens/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo("cecile-kohler-" + u))
                .body("country", equalTo("FR"))
                .body("vote", equalTo("unanimous"))
                .body("citation", equalTo("<p>Pour <b>elle</b></p>"))
                .body("situationUpdatedAt", notNullValue())
                .body("relatedPosts", hasSize(0));
        given().get("/api/v1/honorary-citizens/slug/cecile-kohler-" + u)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        mergePatch()
                .body(Map.of("situation", "Libérée"))
                .patch("/api/v1/honorary-citizens/" + id)
                .then()
                .statusCode(200)
                .body("situation", equalTo("Libérée"))
                .body("decisionReference", equalTo("2025 DGRI 42"));
        body.remove("situation");
        json().body(body)
                .put("/api/v1/honorary-citizens/" + id)
                .then()
                .statusCode(200)
                .body("situation", nullValue())
                .body("situationUpdatedAt", nullValue());
        editor().delete("/api/v1/honorary-citizens/" + id).then().statusCode(204);
        given().get("/api/v1/honorary-citizens/" + id).then().statusCode(404);
    }

    @Test
    void badCountriesFutureDatesUnknownVotesAndUnknownLinksGet400NamingTheField() {
        Map<String, Object> body =
                citizen("Erreur " + unique(), LocalDate.now().plusDays(2).toString());
        body.put("country", "ZZ");
        body.put("portrait", "00000000-0000-0000-0000-000000000001");
        body.put("relatedPosts", List.of("00000000-0000-0000-0000-000000000002"));
        json().body(body)
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("conferredOn"))
                .body("errors.field", hasItem("portrait"))
                .body("errors.field", hasItem("relatedPosts[0]"));
        Map<String, Object> vote = citizen("Vote " + unique(), "2020-01-01");
        vote.put("vote", "acclamation");
        json().body(vote)
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("vote"));

        String prize = createPrize("Prix erreurs " + unique());
        json().body(Map.of(
                        "prize",
                        prize,
                        "year",
                        2025,
                        "category",
                        "Prix français",
                        "distinction",
                        "grand_prix",
                        "recipientName",
                        "X"))
                .post("/api/v1/awards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("distinction"));
        json().body(Map.of(
                        "prize",
                        "00000000-0000-0000-0000-000000000003",
                        "year",
                        2025,
                        "category",
                        "Prix français",
                        "distinction",
                        "laureate",
                        "recipientName",
                        "X",
                        "country",
                        "ZZ"))
                .post("/api/v1/awards")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("prize"))
                .body("errors.field", hasItem("country"));
    }

    @Test
    void honoraryCitizensAreFilteredByYearCountryAndAccentInsensitiveWordsAndSorted() {
        String u = unique();
        createCitizen(citizen("Tenzin Gyatso " + u, "2009-06-08"));
        Map<String, Object> iran = citizen("Jacques Paris " + u, "2025-06-17");
        createCitizen(iran);

        given().queryParam("q", u)
                .queryParam("sort", "-conferredOn")
                .get("/api/v1/honorary-citizens")
                .then()
                .statusCode(200)
                .body("items.name", equalTo(List.of("Jacques Paris " + u, "Tenzin Gyatso " + u)));
        given().queryParam("q", u)
                .queryParam("sort", "name")
                .get("/api/v1/honorary-citizens")
                .then()
                .body("items.name", equalTo(List.of("Jacques Paris " + u, "Tenzin Gyatso " + u)));
        given().queryParam("q", u)
                .queryParam("year", "2009")
                .get("/api/v1/honorary-citizens")
                .then()
                .body("items.name", equalTo(List.of("Tenzin Gyatso " + u)));
        given().queryParam("q", "défenseuse " + u)
                .queryParam("country", "fr")
                .get("/api/v1/honorary-citizens")
                .then()
                .body("totalItems", equalTo(2));
        given().queryParam("country", "XX")
                .get("/api/v1/honorary-citizens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
        given().queryParam("year", "deux mille")
                .get("/api/v1/honorary-citizens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }

    @Test
    void aPrizePageIsOneCallGroupedByCategoryWithLaureatesBeforeSpecialMentions() {
        String u = unique();
        String prize = createPrize("Prix international " + u);
        createAward(prize, "Prix international", "special_mention", "Yildiz Tar");
        createAward(prize, "Prix français", "laureate", "Carine Bahanag");
        createAward(prize, "Prix international", "laureate", "Viktória Radványi");
        createAward(prize, "Prix spécial", "special_prize", "Anne Hidalgo");
        createAward(prize, "Prix français", "special_mention", "Paulo Higgins");
        String slug = given().get("/api/v1/prizes/" + prize)
                .then()
                .body("awardCount", equalTo(5))
                .extract()
                .path("slug");

        given().queryParam("prize", slug)
                .queryParam("year", 2025)
                .get("/api/v1/awards")
                .then()
                .statusCode(200)
                .body(
                        "items.recipientName",
                        equalTo(List.of(
                                "Carine Bahanag", "Paulo Higgins", "Viktória Radványi", "Yildiz Tar", "Anne Hidalgo")))
                .body("items[0].prize.slug", equalTo(slug));
        given().queryParam("prize", slug)
                .queryParam("distinction", "special_mention")
                .get("/api/v1/awards")
                .then()
                .body("items.recipientName", equalTo(List.of("Paulo Higgins", "Yildiz Tar")));
        given().queryParam("prize", slug)
                .queryParam("category", "prix francais")
                .get("/api/v1/awards")
                .then()
                .body("totalItems", equalTo(2));
        given().queryParam("prize", slug)
                .queryParam("q", "radvanyi")
                .queryParam("country", "HU")
                .get("/api/v1/awards")
                .then()
                .body("items.recipientName", equalTo(List.of("Viktória Radványi")));
        given().queryParam("prize", "inconnu-" + u)
                .get("/api/v1/awards")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().queryParam("distinction", "bronze")
                .get("/api/v1/awards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("distinction"));

        editor().delete("/api/v1/prizes/" + prize).then().statusCode(409).body("detail", containsString("5 awards"));
    }

    @Test
    void aPersonMayBeAwardedMoreThanOnce() {
        String prize = createPrize("Prix répété " + unique());
        createAward(prize, "Prix français", "laureate", "Même Personne");
        createAward(prize, "Prix international", "special_mention", "Même Personne");
    }

    @Test
    void postsAndRecordsAreLinkedBothWaysAndNothingDanglesAfterADeletion() {
        String u = unique();
        String citizen = createCitizen(citizen("Lié " + u, "2025-01-10"));
        String prize = createPrize("Prix lié " + u);
        String award = createAward(prize, "Prix français", "laureate", "Lauréate " + u);
        String fromPost = createPost(Map.of(
                "title",
                "Hommage " + u,
                "content",
                "<p>x</p>",
                "honoraryCitizens",
                List.of(citizen),
                "awards",
                List.of(award)));
        String fromRecord = createPost(Map.of("title", "Remise " + u, "content", "<p>x</p>"));
        mergePatch()
                .body(Map.of("relatedPosts", List.of(fromPost, fromRecord)))
                .patch("/api/v1/awards/" + award)
                .then()
                .statusCode(200)
                .body("relatedPosts.id", hasItem(fromRecord));

        given().get("/api/v1/posts/" + fromPost)
                .then()
                .body("honoraryCitizens[0].slug", equalTo("lie-" + u))
                .body("awards[0].recipientName", equalTo("Lauréate " + u))
                .body("awards[0].prize.id", equalTo(prize));
        given().get("/api/v1/honorary-citizens/" + citizen).then().body("relatedPosts.id", equalTo(List.of(fromPost)));
        given().queryParam("honoraryCitizen", "lie-" + u)
                .get("/api/v1/posts")
                .then()
                .body("items.id", equalTo(List.of(fromPost)));
        given().queryParam("award", award).get("/api/v1/posts").then().body("totalItems", equalTo(2));
        given().get("/api/v1/posts/" + fromRecord).then().body("awards[0].id", equalTo(award));
        json().body(Map.of(
                        "title",
                        "Faux lien",
                        "content",
                        "<p>x</p>",
                        "awards",
                        List.of("00000000-0000-0000-0000-000000000009")))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("awards[0]"));

        String etag = given().get("/api/v1/posts/" + fromPost).then().extract().header("ETag");
        editor().delete("/api/v1/honorary-citizens/" + citizen).then().statusCode(204);
        given().get("/api/v1/posts/" + fromPost)
                .then()
                .body("honoraryCitizens", hasSize(0))
                .header("ETag", not(equalTo(etag)));
        editor().delete("/api/v1/posts/" + fromRecord).then().statusCode(204);
        given().get("/api/v1/awards/" + award).then().body("relatedPosts.id", equalTo(List.of(fromPost)));
        editor().delete("/api/v1/awards/" + award).then().statusCode(204);
        given().get("/api/v1/posts/" + fromPost).then().body("awards", hasSize(0));
    }

    @Test
    void portraitsAreEmbeddedAndMediaDeletionNamesTheRecordsThatUseThem() {
        String media = uploadImage();
        Map<String, Object> body = citizen("Portrait " + unique(), "2024-03-01");
        body.put("portrait", media);
        String id = createCitizen(body);

        given().get("/api/v1/honorary-citizens/" + id).then().body("portrait.sizes.thumbnail.url", notNullValue());
        editor().delete("/api/v1/media/" + media)
                .then()
                .statusCode(409)
                .body("detail", containsString("honorary citizen"));
        editor().queryParam("force", "true")
                .delete("/api/v1/media/" + media)
                .then()
                .statusCode(204);
        given().get("/api/v1/honorary-citizens/" + id).then().body("portrait", nullValue());
    }

    @Test
    void prizesAndAwardsHaveFullCrud() {
        String u = unique();
        String prize = createPrize("Prix de la Mémoire " + u);
        given().get("/api/v1/prizes/slug/prix-de-la-memoire-" + u)
                .then()
                .statusCode(200)
                .body("id", equalTo(prize));
        given().queryParam("size", 100)
                .get("/api/v1/prizes")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(prize));
        json().body(Map.of("name", "Prix de la mémoire " + u.toUpperCase()))
                .post("/api/v1/prizes")
                .then()
                .statusCode(409);
        mergePatch()
                .body(Map.of("description", "Nouveau"))
                .patch("/api/v1/prizes/" + prize)
                .then()
                .statusCode(200)
                .body("description", equalTo("Nouveau"))
                .body("slug", equalTo("prix-de-la-memoire-" + u));
        json().body(Map.of("name", "Prix renommé " + u))
                .put("/api/v1/prizes/" + prize)
                .then()
                .statusCode(200)
                .body("description", nullValue())
                .body("slug", equalTo("prix-de-la-memoire-" + u));

        String award = createAward(prize, "Prix français", "laureate", "Première " + u);
        mergePatch()
                .body(Map.of("distinction", "special_mention", "country", "tn"))
                .patch("/api/v1/awards/" + award)
                .then()
                .statusCode(200)
                .body("distinction", equalTo("special_mention"))
                .body("country", equalTo("TN"))
                .body("recipientName", equalTo("Première " + u));
        json().body(Map.of(
                        "prize",
                        prize,
                        "year",
                        2024,
                        "category",
                        "Prix international",
                        "distinction",
                        "laureate",
                        "recipientName",
                        "Remplacée " + u))
                .put("/api/v1/awards/" + award)
                .then()
                .statusCode(200)
                .body("year", equalTo(2024))
                .body("country", nullValue())
                .body("recipientDescription", nullValue());
        given().queryParam("year", 2024)
                .queryParam("q", u)
                .get("/api/v1/awards")
                .then()
                .body("items.id", equalTo(List.of(award)));
        editor().delete("/api/v1/awards/" + award).then().statusCode(204);
        given().get("/api/v1/awards/" + award).then().statusCode(404);
        editor().delete("/api/v1/prizes/" + prize).then().statusCode(204);
    }
}
