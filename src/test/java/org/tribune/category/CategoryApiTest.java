package org.tribune.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
class CategoryApiTest extends ApiTestSupport {

    @Test
    void createReturns201WithLocationEtagAndBody() {
        String u = unique();
        json().body(Map.of("name", "Droits humains " + u, "description", "Votes et actions"))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/categories/"))
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .body("name", equalTo("Droits humains " + u))
                .body("slug", equalTo("droits-humains-" + u))
                .body("description", equalTo("Votes et actions"))
                .body("parent", nullValue())
                .body("postCount", equalTo(0))
                .body("createdAt", notNullValue());
    }

    @Test
    void locationHeaderPointsAtTheCreatedCategory() {
        String location = json().body(Map.of("name", "Lieu " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String id = given().get(location).then().statusCode(200).extract().path("id");
        Assertions.assertTrue(location.endsWith(id));
    }

    @Test
    void slugFoldsAccentsAndPunctuation() {
        String u = unique();
        json().body(Map.of("name", "Citoyenneté d'honneur " + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .body("slug", equalTo("citoyennete-d-honneur-" + u));
    }

    @Test
    void generatedSlugThatCollidesGetsANumberSuffix() {
        String u = unique();
        json().body(Map.of("name", "Été " + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .body("slug", equalTo("ete-" + u));
        json().body(Map.of("name", "Ete " + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .body("slug", equalTo("ete-" + u + "-2"));
        json().body(Map.of("name", "Ète " + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .body("slug", equalTo("ete-" + u + "-3"));
    }

    @Test
    void suppliedSlugThatIsTakenGets409() {
        String u = unique();
        createCategory(Map.of("name", "A " + u, "slug", "pris-" + u));
        json().body(Map.of("name", "B " + u, "slug", "pris-" + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("pris-" + u));
    }

    @Test
    void nameIsUniqueIgnoringCase() {
        String u = unique();
        createCategory("Solidarité " + u);
        json().body(Map.of("name", "SOLIDARITÉ " + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:tribune:problem:conflict"));
    }

    @Test
    void invalidFieldsGet400NamingEachField() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("description", "x".repeat(2001));
        body.put("slug", "Not A Slug");
        json().body(body)
                .post("/api/v1/categories")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:tribune:problem:validation"))
                .body("errors.field", contains("description", "name", "slug"));
        json().body(Map.of("name", "n".repeat(101)))
                .post("/api/v1/categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void namesThatLowerCaseToLongerTextAreStored() {
        json().body(Map.of("name", "İ".repeat(90) + unique().substring(0, 4)))
                .post("/api/v1/categories")
                .then()
                .statusCode(201);
    }

    @Test
    void unknownParentGets400() {
        json().body(Map.of("name", "Orphelin " + unique(), "parent", "00000000-0000-0000-0000-000000000001"))
                .post("/api/v1/categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parent"));
    }

    @Test
    void hierarchyCycleGets409() {
        String u = unique();
        String a = createCategory("A " + u);
        String b = createCategory(Map.of("name", "B " + u, "parent", a));
        String c = createCategory(Map.of("name", "C " + u, "parent", b));
        json().body(Map.of("name", "A " + u, "parent", c))
                .put("/api/v1/categories/" + a)
                .then()
                .statusCode(409)
                .body("detail", containsString("ancestor"));
        json().body(Map.of("name", "A " + u, "parent", a))
                .put("/api/v1/categories/" + a)
                .then()
                .statusCode(409);
        given().get("/api/v1/categories/" + a).then().statusCode(200).body("parent", nullValue());
    }

    @Test
    void getBySlugAndUnknownSlugGets404() {
        String u = unique();
        String id = createCategory("Par slug " + u);
        given().get("/api/v1/categories/slug/par-slug-" + u)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().get("/api/v1/categories/slug/nope-" + u)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/categories/slug/nope-" + u));
    }

    @Test
    void unknownIdGets404() {
        given().get("/api/v1/categories/00000000-0000-0000-0000-0000000000aa")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:tribune:problem:not-found"));
    }

    @Test
    void slugStaysWhenNameChangesUnlessClientSetsOne() {
        String u = unique();
        String id = createCategory("Ancien nom " + u);
        json().body(Map.of("name", "Nouveau nom " + u))
                .put("/api/v1/categories/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo("ancien-nom-" + u))
                .body("name", equalTo("Nouveau nom " + u));
        json().body(Map.of("name", "Nouveau nom " + u, "slug", "nouveau-" + u))
                .put("/api/v1/categories/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo("nouveau-" + u));
    }

    @Test
    void putReplacesTheWholeCategory() {
        String u = unique();
        String id = createCategory(Map.of("name", "Complet " + u, "description", "avant"));
        json().body(Map.of("name", "Complet " + u))
                .put("/api/v1/categories/" + id)
                .then()
                .statusCode(200)
                .body("description", nullValue());
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndNullClears() {
        String u = unique();
        String parent = createCategory("Parent " + u);
        String id = createCategory(Map.of("name", "Patché " + u, "description", "avant", "parent", parent));
        mergePatch()
                .body("{\"description\": \"après\"}")
                .patch("/api/v1/categories/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("description", equalTo("après"))
                .body("name", equalTo("Patché " + u))
                .body("parent", equalTo(parent));
        mergePatch()
                .body("{\"parent\": null}")
                .patch("/api/v1/categories/" + id)
                .then()
                .statusCode(200)
                .body("parent", nullValue())
                .body("description", equalTo("après"));
        mergePatch()
                .body("{\"postCount\": 3}")
                .patch("/api/v1/categories/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("postCount"));
        mergePatch()
                .body("{\"name\": \"\"}")
                .patch("/api/v1/categories/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void patchWithPlainJsonContentTypeGets415() {
        String id = createCategory("Type " + unique());
        json().body("{\"description\": \"x\"}")
                .patch("/api/v1/categories/" + id)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void listIsSortedByNameByDefaultAndFiltersByParent() {
        String u = unique();
        String parent = createCategory("Racine " + u);
        createCategory(Map.of("name", "zèbre " + u, "parent", parent));
        createCategory(Map.of("name", "Abeille " + u, "parent", parent));
        createCategory(Map.of("name", "mouette " + u, "parent", parent));
        createCategory(Map.of("name", "Étoile " + u, "parent", parent));
        given().queryParam("parent", parent)
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "4")
                .body("totalItems", equalTo(4))
                .body("items.name", contains("Abeille " + u, "Étoile " + u, "mouette " + u, "zèbre " + u));
        given().queryParam("parent", parent)
                .queryParam("sort", "-name")
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .body("items.name", contains("zèbre " + u, "mouette " + u, "Étoile " + u, "Abeille " + u));
        given().queryParam("parent", "root")
                .queryParam("size", 100)
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .body("items.parent", not(hasItem(parent)));
        given().queryParam("parent", "not-a-uuid")
                .get("/api/v1/categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parent"));
    }

    @Test
    void postCountCountsPostsAndCanBeSortedOn() {
        String u = unique();
        String parent = createCategory("Compteurs " + u);
        String busy = createCategory(Map.of("name", "Occupée " + u, "parent", parent));
        String quiet = createCategory(Map.of("name", "Calme " + u, "parent", parent));
        createPost(Map.of("title", "Un " + u, "content", "<p>un</p>", "categories", List.of(busy, quiet)));
        createPost(Map.of("title", "Deux " + u, "content", "<p>deux</p>", "categories", List.of(busy)));
        given().get("/api/v1/categories/" + busy).then().statusCode(200).body("postCount", equalTo(2));
        given().queryParam("parent", parent)
                .queryParam("sort", "-postCount")
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .body("items.name", contains("Occupée " + u, "Calme " + u))
                .body("items.postCount", contains(2, 1));
    }

    @Test
    void deletingACategoryWithPostsGets409UnlessForced() {
        String u = unique();
        String id = createCategory("Pleine " + u);
        String post1 = createPost(Map.of("title", "P1 " + u, "content", "<p>x</p>", "categories", List.of(id)));
        createPost(Map.of("title", "P2 " + u, "content", "<p>y</p>", "categories", List.of(id)));
        editor().delete("/api/v1/categories/" + id).then().statusCode(409).body("detail", containsString("2 posts"));
        given().get("/api/v1/categories/" + id).then().statusCode(200);
        editor().queryParam("force", "true")
                .delete("/api/v1/categories/" + id)
                .then()
                .statusCode(204);
        given().get("/api/v1/categories/" + id).then().statusCode(404);
        given().get("/api/v1/posts/" + post1).then().statusCode(200).body("categories", empty());
    }

    @Test
    void forceMustBeABoolean() {
        String id = createCategory("Force " + unique());
        editor().queryParam("force", "oui")
                .delete("/api/v1/categories/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("force"));
    }

    @Test
    void deletingAParentMovesItsChildrenToTheTopLevel() {
        String u = unique();
        String parent = createCategory("Parent supprimé " + u);
        String child = createCategory(Map.of("name", "Enfant " + u, "parent", parent));
        editor().delete("/api/v1/categories/" + parent).then().statusCode(204);
        given().get("/api/v1/categories/" + child).then().statusCode(200).body("parent", nullValue());
    }

    @Test
    void deleteReturns204AndTheCategoryIsGone() {
        String id = createCategory("Éphémère " + unique());
        editor().delete("/api/v1/categories/" + id).then().statusCode(204);
        given().get("/api/v1/categories/" + id).then().statusCode(404);
        editor().delete("/api/v1/categories/" + id).then().statusCode(404);
    }

    @Test
    void locationIsAbsolute() {
        json().body(Map.of("name", "Absolue " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .header("Location", Matchers.startsWith("http"))
                .header("Location", not(endsWith("/")));
    }
}
