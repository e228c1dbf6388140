package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

@QuarkusTest
class UserApiTest extends ApiTestSupport {

    private static Map<String, Object> newUser(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Nadia " + username);
        body.put("email", username + "@example.org");
        body.put("role", "author");
        body.put("password", password);
        return body;
    }

    @Test
    void anAdminCreatesAnAccountThatNeverShowsItsPasswordOrHash() {
        String u = "Nadia-" + unique();
        String password = "une longue phrase " + unique();

        Response created = as(token(Roles.ADMIN)).body(newUser(u, password)).post("/api/v1/users");

        created.then()
                .statusCode(201)
                .body("username", equalTo(u.toLowerCase()))
                .body("role", equalTo("author"))
                .body("active", equalTo(true))
                .body("lastLoginAt", nullValue());
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + created.path("id"));
        assertThat(created.asString())
                .doesNotContain(password)
                .doesNotContain("$2a$")
                .doesNotContain("password");
        String list = as(token(Roles.ADMIN))
                .queryParam("size", 100)
                .get("/api/v1/users")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).doesNotContain("$2a$").doesNotContain("passwordHash");
    }

    @Test
    void shortPasswordsBadUsernamesAndBadEmailsGet400NamingTheField() {
        Map<String, Object> body = newUser("ok-" + unique(), "court");
        as(token(Roles.ADMIN))
                .body(body)
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("password"));
        body = newUser("a b", "une longue phrase correcte");
        body.put("email", "pas-un-email");
        as(token(Roles.ADMIN))
                .body(body)
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("email"));
        body = newUser("ok-" + unique(), "une longue phrase correcte");
        body.put("role", "superadmin");
        as(token(Roles.ADMIN))
                .body(body)
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void usernamesAndEmailsAreUniqueIgnoringCase() {
        String u = "unique-" + unique();
        as(token(Roles.ADMIN))
                .body(newUser(u, "une longue phrase correcte"))
                .post("/api/v1/users")
                .then()
                .statusCode(201);

        as(token(Roles.ADMIN))
                .body(newUser(u.toUpperCase(), "une longue phrase correcte"))
                .post("/api/v1/users")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:tribune:problem:conflict"));
        Map<String, Object> sameEmail = newUser("autre-" + unique(), "une longue phrase correcte");
        sameEmail.put("email", (u + "@EXAMPLE.org").toUpperCase());
        as(token(Roles.ADMIN)).body(sameEmail).post("/api/v1/users").then().statusCode(409);
    }

    @Test
    void usersAreFilteredByRoleAndActiveAndSorted() {
        TestAccount editor = newAccount(Roles.EDITOR);
        as(token(Roles.ADMIN))
                .queryParam("role", "editor")
                .queryParam("size", 100)
                .get("/api/v1/users")
                .then()
                .statusCode(200)
                .body("items.role", everyItem(equalTo("editor")))
                .body("items.username", hasItem(editor.username()));
        as(token(Roles.ADMIN))
                .queryParam("active", "false")
                .queryParam("size", 100)
                .get("/api/v1/users")
                .then()
                .statusCode(200)
                .body("items.active", everyItem(equalTo(false)));
        as(token(Roles.ADMIN))
                .queryParam("role", "chef")
                .get("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        as(token(Roles.ADMIN))
                .queryParam("sort", "-lastLoginAt")
                .get("/api/v1/users")
                .then()
                .statusCode(200);
    }

    @Test
    void everySignedInUserReadsAndEditsTheirOwnAccountAtMe() {
        TestAccount author = newAccount(Roles.AUTHOR);

        as(author.token())
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(author.id()))
                .body("role", equalTo("author"));
        mergePatchAs(author.token())
                .body(Map.of("displayName", "Autrice renommée"))
                .patch("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Autrice renommée"));
        mergePatchAs(author.token())
                .body(Map.of("role", "admin"))
                .patch("/api/v1/users/me")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        as(author.token()).get("/api/v1/users/me").then().body("role", equalTo("author"));
    }

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOneAndVoidsEarlierTokens() {
        TestAccount author = newAccount(Roles.AUTHOR);
        String newPassword = "nouvelle phrase " + unique();

        as(author.token())
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("currentPassword", "pas le bon", "newPassword", newPassword))
                .put("/api/v1/users/me/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("currentPassword"));
        as(author.token())
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("currentPassword", author.password(), "newPassword", "court"))
                .put("/api/v1/users/me/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newPassword"));

        as(author.token())
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("currentPassword", author.password(), "newPassword", newPassword))
                .put("/api/v1/users/me/password")
                .then()
                .statusCode(204);

        as(author.token()).get("/api/v1/users/me").then().statusCode(401);
        anonymousJson()
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("username", author.username(), "password", author.password()))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401);
        as(signIn(author.username(), newPassword))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void anAdminResetsSomeonesPasswordAndTheirTokensStop() {
        TestAccount editor = newAccount(Roles.EDITOR);
        String newPassword = "remise a zero " + unique();

        as(token(Roles.ADMIN))
                .body(Map.of("newPassword", newPassword))
                .put("/api/v1/users/" + editor.id() + "/password")
                .then()
                .statusCode(204);

        as(editor.token()).get("/api/v1/users/me").then().statusCode(401);
        as(signIn(editor.username(), newPassword))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void deactivatingAnAccountStopsItsTokensAtOnceAndReactivatingNeedsANewSignIn() {
        TestAccount editor = newAccount(Roles.EDITOR);
        as(editor.token()).get("/api/v1/users/me").then().statusCode(200);

        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("active", false))
                .patch("/api/v1/users/" + editor.id())
                .then()
                .statusCode(200)
                .body("active", equalTo(false));

        as(editor.token())
                .body(Map.of("name", "Refusée " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(401);
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("active", true))
                .patch("/api/v1/users/" + editor.id())
                .then()
                .statusCode(200);
        as(editor.token()).get("/api/v1/users/me").then().statusCode(401);
        as(signIn(editor.username(), editor.password()))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void aChangedRoleTakesEffectAtOnce() {
        TestAccount editor = newAccount(Roles.EDITOR);

        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("role", "author"))
                .patch("/api/v1/users/" + editor.id())
                .then()
                .statusCode(200)
                .body("role", equalTo("author"));

        as(editor.token())
                .body(Map.of("name", "Refusée " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(401);
        as(signIn(editor.username(), editor.password()))
                .body(Map.of("name", "Refusée " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(403);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedDeactivatedOrDeleted() {
        String admins = as(token(Roles.ADMIN))
                .queryParam("role", "admin")
                .queryParam("active", "true")
                .queryParam("size", 100)
                .get("/api/v1/users")
                .then()
                .extract()
                .asString();
        List<String> others = JsonPath.from(admins).getList("items.findAll { it.username != 'admin' }.id");
        for (String other : others) {
            mergePatchAs(token(Roles.ADMIN))
                    .body(Map.of("role", "editor"))
                    .patch("/api/v1/users/" + other)
                    .then()
                    .statusCode(200);
        }
        String adminId =
                as(token(Roles.ADMIN)).get("/api/v1/users/me").then().extract().path("id");

        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("role", "editor"))
                .patch("/api/v1/users/" + adminId)
                .then()
                .statusCode(409)
                .body("detail", Matchers.containsString("last active admin"));
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("active", false))
                .patch("/api/v1/users/" + adminId)
                .then()
                .statusCode(409);
        as(token(Roles.ADMIN)).delete("/api/v1/users/" + adminId).then().statusCode(409);
        as(token(Roles.ADMIN)).get("/api/v1/users/me").then().statusCode(200).body("role", equalTo("admin"));

        TestAccount second = newAccount(Roles.ADMIN);
        mergePatchAs(second.token())
                .body(Map.of("role", "editor"))
                .patch("/api/v1/users/" + second.id())
                .then()
                .statusCode(200);
    }

    @Test
    void deletingAnAuthorNeedsSomeoneToTakeOverTheirPosts() {
        TestAccount author = newAccount(Roles.AUTHOR);
        TestAccount heir = newAccount(Roles.EDITOR);
        String post = as(author.token())
                .body(Map.of("title", "Billet " + unique(), "content", "<p>texte</p>"))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as(token(Roles.ADMIN))
                .delete("/api/v1/users/" + author.id())
                .then()
                .statusCode(409)
                .body("detail", Matchers.containsString("reassignTo"));
        as(token(Roles.ADMIN))
                .queryParam("reassignTo", author.id())
                .delete("/api/v1/users/" + author.id())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reassignTo"));
        as(token(Roles.ADMIN))
                .queryParam("reassignTo", heir.id())
                .delete("/api/v1/users/" + author.id())
                .then()
                .statusCode(204);

        // An author's post is a draft: only signed-in callers see it.
        editor().get("/api/v1/posts/" + post).then().statusCode(200).body("author.id", equalTo(heir.id()));
        as(token(Roles.ADMIN)).get("/api/v1/users/" + author.id()).then().statusCode(404);
        as(author.token()).get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void aStaleIfMatchOnAnAccountGets412() {
        TestAccount author = newAccount(Roles.AUTHOR);
        String etag = as(token(Roles.ADMIN))
                .get("/api/v1/users/" + author.id())
                .then()
                .extract()
                .header("ETag");
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("displayName", "Premier"))
                .patch("/api/v1/users/" + author.id())
                .then()
                .statusCode(200);

        mergePatchAs(token(Roles.ADMIN))
                .header("If-Match", etag)
                .body(Map.of("displayName", "Second"))
                .patch("/api/v1/users/" + author.id())
                .then()
                .statusCode(412);
        as(token(Roles.ADMIN)).get("/api/v1/users/" + author.id()).then().body("displayName", not(equalTo("Second")));
    }

    @Test
    void apiTokensHaveNoAccountOfTheirOwn() {
        String secret = as(token(Roles.ADMIN))
                .body(Map.of("name", "Aperçu " + unique(), "role", "reader"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");

        as(secret).get("/api/v1/users/me").then().statusCode(403);
    }
}
