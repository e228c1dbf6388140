package org.tribune.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;
import org.tribune.security.Roles;

/**
 * GET /api/v1/search and q on the post list, against whichever engine the build's database brings: Lucene on H2,
 * PostgreSQL's full text on PostgreSQL. Each test searches for words of its own, made of letters only.
 */
@QuarkusTest
class SearchApiTest extends ApiTestSupport {

    private MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        if (clock != null) {
            clock.advance(Duration.ZERO);
        }
    }

    /** A word no other test uses: letters only, so that every analyser keeps it whole. */
    static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (char c : unique().toCharArray()) {
            w.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return w.toString();
    }

    static Map<String, Object> post(String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", content);
        body.put("status", "published");
        return body;
    }

    static JsonPath search(String q) {
        return given().queryParam("q", q)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void oneSearchFindsPostsCategoriesTagsCitizensPrizesAndAwards() {
        String w = word();
        createPost(Map.of(
                "title",
                "Un billet " + w,
                "content",
                "<p>Texte.</p>",
                "status",
                "published",
                "tags",
                List.of("Étiquette " + w)));
        createCategory("Rubrique " + w);
        json().body(Map.of("name", "Personne " + w, "description", "Défenseur", "conferredOn", "2023-05-02"))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201);
        String prize = createPrize("Prix " + w);
        createAward(Map.of(
                "prize",
                prize,
                "year",
                2024,
                "category",
                "Prix spécial",
                "distinction",
                "laureate",
                "recipientName",
                "Lauréate " + w));

        JsonPath found = search(w);
        assertThat(found.getList("items.type", String.class))
                .containsExactlyInAnyOrder("post", "tag", "category", "honorary-citizen", "prize", "award");
        assertThat(found.getList("facets.types.type", String.class))
                .containsExactlyInAnyOrder("post", "tag", "category", "honorary-citizen", "prize", "award");
        assertThat(found.getLong("totalItems")).isEqualTo(6);
        assertThat(found.getBoolean("matchedAllWords")).isTrue();
        assertThat(found.getString("items.find { it.type == 'tag' }.slug")).isEqualTo("Étiquette " + w);
        assertThat(found.getInt("items.find { it.type == 'honorary-citizen' }.year"))
                .isEqualTo(2023);
        assertThat(found.getInt("items.find { it.type == 'award' }.year")).isEqualTo(2024);

        JsonPath onlyPeople = given().queryParam("q", w)
                .queryParam("type", "honorary-citizen,award")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(onlyPeople.getList("items.type", String.class))
                .containsExactlyInAnyOrder("honorary-citizen", "award");
        assertThat(onlyPeople.getList("facets.types.type", String.class))
                .as("the type facet still counts the types not picked")
                .hasSize(6);
    }

    @Test
    void aMatchInTheTitleRanksAboveOneInTheExcerptWhichRanksAboveOneInTheText() {
        String w = word();
        String inText = createPost(post(
                "Compte rendu de séance",
                "<p>" + "La séance a traité de nombreux sujets, un par un, avec soin. ".repeat(12) + "Enfin " + w
                        + ".</p>"));
        Map<String, Object> withExcerpt = post("Autre compte rendu", "<p>Un texte sans le mot.</p>");
        withExcerpt.put("excerpt", "Résumé : " + w + " au Conseil.");
        String inExcerpt = createPost(withExcerpt);
        String inTitle = createPost(post("Le " + w + " au Conseil de Paris", "<p>Un texte sans le mot.</p>"));

        assertThat(search(w).getList("items.id", String.class)).containsExactly(inTitle, inExcerpt, inText);
        given().queryParam("q", w)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(inTitle, inExcerpt, inText)));
    }

    @Test
    void frenchWordsMatchWhateverTheirElisionPluralFeminineAccentsCaseOrLigature() {
        String w = word();
        String id = createPost(post(
                "Les femmes iraniennes " + w,
                "<p>Défendre les droits de l’Homme et la liberté d’expression, c’est une œuvre de cœur.</p>"));
        for (String q : List.of(
                "iranien " + w,
                "IRANIENNE " + w,
                "femme " + w,
                "homme " + w,
                "l'homme " + w,
                "d'expression " + w,
                "droit " + w,
                "oeuvre coeur " + w,
                "Liberte " + w)) {
            assertThat(search(q).getList("items.id", String.class)).as(q).containsExactly(id);
        }
    }

    @Test
    void phrasesMatchAsPhrasesExclusionsExcludeAndTheLastWordIsAPrefixUnlessFollowedByASpace() {
        String w = word();
        String together = createPost(post("Séance " + w, "<p>Pour la liberté de la presse partout.</p>"));
        String apart = createPost(post("Réunion " + w, "<p>La presse a parlé de liberté.</p>"));

        assertThat(search("\"liberté de la presse\" " + w).getList("items.id", String.class))
                .containsExactly(together);
        assertThat(search(w + " -réunion").getList("items.id", String.class)).containsExactly(together);
        assertThat(search(w + " -\"liberté de la presse\"").getList("items.id", String.class))
                .containsExactly(apart);
        String prefix = w.substring(0, w.length() - 3);
        assertThat(search("presse " + prefix).getList("items.id", String.class))
                .containsExactlyInAnyOrder(together, apart);
        assertThat(search("presse " + prefix + " ").getBoolean("matchedAllWords"))
                .as("a query that ends with a space takes its last word whole")
                .isFalse();
        assertThat(search("\"liberté " + w).getList("items.id", String.class))
                .as("an unclosed quote is read as plain words")
                .containsExactlyInAnyOrder(together, apart);
    }

    @Test
    void stopWordsNeitherMatchNorDrownTheRanking() {
        String w = word();
        String rare = createPost(post("Le " + w + " de la Ville", "<p>Court.</p>"));
        String common = createPost(post(
                "Une chronique",
                "<p>" + "Le la les de des du et à un une pour dans sur avec. ".repeat(20) + w + ".</p>"));
        assertThat(search("le la les de " + w).getList("items.id", String.class))
                .containsExactly(rare, common);
        JsonPath onlyStopWords = search("de la ");
        assertThat(onlyStopWords.getList("items", Object.class)).isEmpty();
    }

    @Test
    void aPostInEnglishIsAnalysedInEnglish() {
        String w = word();
        Map<String, Object> english = post("Volunteers running the shelter " + w, "<p>Stories of the city.</p>");
        english.put("lang", "en");
        String id = createPost(english);
        assertThat(search("run " + w + " ").getList("items.id", String.class)).containsExactly(id);
        assertThat(search("volunteer " + w + " ").getList("items.id", String.class))
                .containsExactly(id);
    }

    @Test
    void snippetsMarkTheMatchesAndEscapeEverythingFromTheContent() {
        String w = word();
        createPost(post(
                "Une note",
                "<p>Un début qui ne compte pas.</p><p>Tom &amp; Jerry écrivent &lt;script&gt; à propos de " + w
                        + " & de ses amis.</p>"));
        String snippet = search(w).getString("items[0].snippet");
        assertThat(snippet)
                .contains("<mark>" + w + "</mark>")
                .contains("Tom &amp; Jerry")
                .contains("&lt;script&gt;")
                .doesNotContain("<script")
                .doesNotContain("\uE000");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }

    @Test
    void facetsCountByTypeCategoryAndYearAndEachIgnoresOnlyItsOwnFilter() {
        String w = word();
        String c1 = createCategory("Catégorie un " + w);
        String c2 = createCategory("Catégorie deux " + w);
        Map<String, Object> a = post("Premier " + w, "<p>x</p>");
        a.put("categories", List.of(c1));
        a.put("publishedAt", "2023-03-01T10:00:00Z");
        createPost(a);
        Map<String, Object> b = post("Second " + w, "<p>x</p>");
        b.put("categories", List.of(c1, c2));
        b.put("publishedAt", "2024-03-01T10:00:00Z");
        createPost(b);
        Map<String, Object> c = post("Troisième " + w, "<p>x</p>");
        c.put("categories", List.of(c2));
        c.put("publishedAt", "2024-06-01T10:00:00Z");
        createPost(c);
        String slug1 = given().get("/api/v1/categories/" + c1).then().extract().path("slug");

        JsonPath all = search(w);
        assertThat(all.getLong("totalItems")).isEqualTo(5);
        assertThat(all.getInt("facets.types.find { it.type == 'post' }.count")).isEqualTo(3);
        assertThat(all.getInt("facets.types.find { it.type == 'category' }.count"))
                .isEqualTo(2);
        assertThat(all.getInt("facets.categories.find { it.id == '" + c1 + "' }.count"))
                .isEqualTo(2);
        assertThat(all.getString("facets.categories.find { it.id == '" + c1 + "' }.slug"))
                .isEqualTo(slug1);
        assertThat(all.getInt("facets.categories.find { it.id == '" + c2 + "' }.count"))
                .isEqualTo(2);
        assertThat(all.getInt("facets.years.find { it.year == 2024 }.count")).isEqualTo(2);
        assertThat(all.getInt("facets.years.find { it.year == 2023 }.count")).isEqualTo(1);

        JsonPath in2024 = given().queryParam("q", w)
                .queryParam("year", 2024)
                .queryParam("category", slug1)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(in2024.getList("items.title", String.class)).containsExactly("Second " + w);
        assertThat(in2024.getInt("facets.years.find { it.year == 2023 }.count"))
                .as("years, in the category")
                .isEqualTo(1);
        assertThat(in2024.getInt("facets.categories.find { it.id == '" + c2 + "' }.count"))
                .as("categories, in 2024")
                .isEqualTo(2);
        assertThat(in2024.getInt("facets.types.find { it.type == 'post' }.count"))
                .as("types, in the category and 2024")
                .isEqualTo(1);
    }

    @Test
    void thePublicNeverFindsNorCountsDraftsScheduledPostsOrTheTrashWhileAReaderFindsDrafts() {
        String w = word();
        String published = createPost(post("Publié " + w, "<p>x</p>"));
        Map<String, Object> draft = post("Brouillon " + w, "<p>x</p>");
        draft.put("status", "draft");
        String draftId = createPost(draft);
        Map<String, Object> later = post("Plus tard " + w, "<p>x</p>");
        later.put("status", "scheduled");
        later.put("publishedAt", Instant.now().plus(Duration.ofDays(2)).toString());
        String scheduled = createPost(later);
        String trashed = createPost(post("Jeté " + w, "<p>x</p>"));
        editor().delete("/api/v1/posts/" + trashed).then().statusCode(204);

        JsonPath anonymous = search(w);
        assertThat(anonymous.getList("items.id", String.class)).containsExactly(published);
        assertThat(anonymous.getInt("facets.types.find { it.type == 'post' }.count"))
                .isEqualTo(1);
        given().queryParam("q", w).get("/api/v1/posts").then().body("totalItems", equalTo(1));

        String readerToken = as(token(Roles.ADMIN))
                .body(Map.of("name", "lecteur " + w, "role", "reader"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        JsonPath reader = as(readerToken)
                .queryParam("q", w)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(reader.getList("items.id", String.class)).containsExactlyInAnyOrder(published, draftId, scheduled);
        as(readerToken)
                .queryParam("q", w)
                .queryParam("status", "draft")
                .get("/api/v1/search")
                .then()
                .body("items.id", equalTo(List.of(draftId)));

        clock = MovableClock.install();
        clock.advance(Duration.ofDays(3));
        assertThat(search(w).getList("items.id", String.class)).containsExactlyInAnyOrder(published, scheduled);
    }

    @Test
    void aChangedOrDeletedPostIsFoundByItsNewWordsAtOnceAndNoLongerByItsOldOnes() {
        String before = word();
        String after = word();
        String id = createPost(post("Titre " + before, "<p>x</p>"));
        assertThat(search(before).getList("items.id", String.class)).containsExactly(id);
        json().body(post("Titre " + after, "<p>x</p>"))
                .put("/api/v1/posts/" + id)
                .then()
                .statusCode(200);
        assertThat(search(before).getList("items", Object.class)).isEmpty();
        assertThat(search(after).getList("items.id", String.class)).containsExactly(id);
        editor().delete("/api/v1/posts/" + id + "?permanent=true").then().statusCode(204);
        assertThat(search(after).getList("items", Object.class)).isEmpty();
    }

    @Test
    void aTagDisappearsFromTheSearchWithTheLastPostThatCarriesIt() {
        String w = word();
        Map<String, Object> body = post("Avec étiquette", "<p>x</p>");
        body.put("tags", List.of("Thème " + w));
        String id = createPost(body);
        assertThat(search(w).getList("items.type", String.class)).containsExactly("tag");
        body.put("tags", List.of());
        json().body(body).put("/api/v1/posts/" + id).then().statusCode(200);
        assertThat(search(w).getList("items", Object.class)).isEmpty();
    }

    @Test
    void whenNothingHasEveryWordTheSearchReturnsWhatHasMostOfThemAndSaysSo() {
        String a = word();
        String b = word();
        String c = word();
        String two = createPost(post(a + " et " + b, "<p>x</p>"));
        String one = createPost(post(c, "<p>x</p>"));
        JsonPath found = search(a + " " + b + " " + c + " ");
        assertThat(found.getBoolean("matchedAllWords")).isFalse();
        assertThat(found.getList("items.id", String.class)).containsExactly(two, one);
        given().queryParam("q", a + " " + b + " " + c)
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void hitsArePagedWithTotalsLinksAndACursorThatNeverRepeatsAHit() {
        String w = word();
        for (int i = 0; i < 5; i++) {
            createPost(post("Page " + i + " " + w, "<p>x</p>"));
        }
        var first = given().queryParam("q", w)
                .queryParam("size", 2)
                .get("/api/v1/search")
                .then()
                .statusCode(200);
        first.header("X-Total-Count", "5").header("Link", containsString("rel=\"next\""));
        JsonPath page1 = first.extract().jsonPath();
        assertThat(page1.getInt("totalPages")).isEqualTo(3);
        List<String> seen = new java.util.ArrayList<>(page1.getList("items.id", String.class));
        String next = page1.getString("next");
        while (next != null) {
            JsonPath page = given().queryParam("q", w)
                    .queryParam("size", 2)
                    .queryParam("after", next)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            next = page.getString("next");
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        JsonPath listPage = given().queryParam("q", w)
                .queryParam("size", 2)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        given().queryParam("q", w)
                .queryParam("size", 2)
                .queryParam("after", listPage.getString("next"))
                .queryParam("sort", "-publishedAt")
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void thePostListRanksByRelevanceWithQAndStillSortsAndFiltersOnDemand() {
        String w = word();
        String category = createCategory("Filtre " + w);
        String slug =
                given().get("/api/v1/categories/" + category).then().extract().path("slug");
        Map<String, Object> old = post(w + " ancien", "<p>x</p>");
        old.put("publishedAt", "2022-01-01T00:00:00Z");
        old.put("categories", List.of(category));
        String oldId = createPost(old);
        Map<String, Object> recent = post("Récent", "<p>Il parle de " + w + ".</p>");
        recent.put("publishedAt", "2024-01-01T00:00:00Z");
        String recentId = createPost(recent);

        given().queryParam("q", w).get("/api/v1/posts").then().body("items.id", equalTo(List.of(oldId, recentId)));
        given().queryParam("q", w)
                .queryParam("sort", "relevance")
                .get("/api/v1/posts")
                .then()
                .body("items.id", equalTo(List.of(oldId, recentId)));
        given().queryParam("q", w)
                .queryParam("sort", "-publishedAt")
                .get("/api/v1/posts")
                .then()
                .body("items.id", equalTo(List.of(recentId, oldId)));
        given().queryParam("q", w)
                .queryParam("category", slug)
                .get("/api/v1/posts")
                .then()
                .body("items.id", equalTo(List.of(oldId)))
                .body("totalItems", equalTo(1));
        given().queryParam("q", w)
                .queryParam("publishedAfter", "2023-01-01")
                .get("/api/v1/posts")
                .then()
                .body("items.id", equalTo(List.of(recentId)));
    }

    @Test
    void theHonoraryCitizenAndAwardListsRankTheirMatchesByRelevanceAndKeepTheirFilters() {
        // The stemmer keeps a plural "s" after a, i, o or u, which a generated word may end with: a final "k" makes
        // "…ks" the plural of "…k" whatever the generated part is.
        String w = word() + "k";
        String described = json().body(Map.of(
                        "name", "Anna Abadie", "description", "Militante, dite " + w, "conferredOn", "2021-02-03"))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String named = json().body(Map.of("name", "Zoé " + w, "description", "Poète", "conferredOn", "2022-02-03"))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().queryParam("q", w)
                .get("/api/v1/honorary-citizens")
                .then()
                .body("items.id", equalTo(List.of(named, described)));
        given().queryParam("q", w)
                .queryParam("sort", "name")
                .get("/api/v1/honorary-citizens")
                .then()
                .body("items.id", equalTo(List.of(described, named)));
        given().queryParam("q", w)
                .queryParam("year", 2021)
                .get("/api/v1/honorary-citizens")
                .then()
                .body("items.id", equalTo(List.of(described)))
                .body("totalItems", equalTo(1));
        given().queryParam("q", w + "s militantes")
                .get("/api/v1/honorary-citizens")
                .then()
                .body("items.id", equalTo(List.of(described)));

        String prize = createPrize("Prix " + w);
        String inCategory = createAward(Map.of(
                "prize",
                prize,
                "year",
                2024,
                "category",
                "Prix " + w,
                "distinction",
                "laureate",
                "recipientName",
                "Lina Roux"));
        String inName = createAward(Map.of(
                "prize",
                prize,
                "year",
                2023,
                "category",
                "Prix spécial",
                "distinction",
                "laureate",
                "recipientName",
                "Ada " + w));
        given().queryParam("q", w).get("/api/v1/awards").then().body("items.id", equalTo(List.of(inName, inCategory)));
        given().queryParam("q", w)
                .queryParam("sort", "-year")
                .get("/api/v1/awards")
                .then()
                .body("items.id", equalTo(List.of(inCategory, inName)));
        given().queryParam("q", w)
                .queryParam("year", 2024)
                .get("/api/v1/awards")
                .then()
                .body("items.id", equalTo(List.of(inCategory)));
    }

    @Test
    void relevanceIsASortOnlyWithQAloneAndBestFirst() {
        for (String sort : List.of("relevance", "-relevance", "relevance,title")) {
            given().queryParam("sort", sort)
                    .queryParam("q", sort.equals("relevance") ? null : "mot")
                    .get("/api/v1/posts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("sort"));
        }
    }

    @Test
    void badQueriesGet400NamingQAndAStraySyntaxCharacterIsReadAsPlainWords() {
        for (String q : List.of(
                "",
                "   ",
                "a".repeat(201),
                "un deux trois quatre cinq six sept huit neuf dix onze"
                        + " douze treize quatorze quinze seize dix-sept",
                "mot\u0007",
                "-seulement -exclus")) {
            given().queryParam("q", q)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("q"));
        }
        given().get("/api/v1/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("q", "x")
                .queryParam("type", "media")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().queryParam("q", "a".repeat(201))
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
        for (String q : List.of("\"", "- -", "\"droits", "droits\"", "(droits OR) AND -", "l'", "100%", ":*&|!")) {
            given().queryParam("q", q).get("/api/v1/search").then().statusCode(anyOf200or400(q));
        }
    }

    /** Punctuation alone has no word to find (400); with a word, it is plain text (200). */
    private static int anyOf200or400(String q) {
        return q.codePoints().anyMatch(Character::isLetterOrDigit) ? 200 : 400;
    }

    @Test
    void adminsSeeWhereTheIndexStandsAndRebuildItWithTheSameAnswers() {
        String w = word();
        String id = createPost(post("Reconstruit " + w, "<p>x</p>"));
        // Each search waits for the index to reach the log's head, so after one the index stands there.
        search(w);
        JsonPath status = as(token(Roles.ADMIN))
                .get("/api/v1/search-index")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getLong("indexedSeq")).isPositive().isLessThanOrEqualTo(status.getLong("head"));
        assertThat(status.getLong("documents")).isGreaterThan(0);
        as(token(Roles.ADMIN)).post("/api/v1/search-index/rebuild").then().statusCode(200);
        assertThat(search(w).getList("items.id", String.class)).containsExactly(id);
        as(token(Roles.EDITOR)).get("/api/v1/search-index").then().statusCode(403);
        given().post("/api/v1/search-index/rebuild").then().statusCode(401);
    }

    @Test
    void theIndexStatusHasAWeakETagAndAnswers304UntilTheIndexMoves() {
        String admin = token(Roles.ADMIN);
        search(word());
        String etag = as(admin)
                .get("/api/v1/search-index")
                .then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .header("Last-Modified", nullValue())
                .extract()
                .header("ETag");
        as(admin)
                .header("If-None-Match", etag)
                .get("/api/v1/search-index")
                .then()
                .statusCode(304);
        createPost(post("Mouvement " + word(), "<p>x</p>"));
        as(admin)
                .header("If-None-Match", etag)
                .get("/api/v1/search-index")
                .then()
                .statusCode(200);
    }

    @Test
    void theSearchIsCachedForThePublicAndAWriteShowsAtOnce() {
        String w = word();
        assertThat(search(w).getList("items", Object.class)).isEmpty();
        String etag = given().queryParam("q", w)
                .get("/api/v1/search")
                .then()
                .extract()
                .header("ETag");
        given().queryParam("q", w)
                .header("If-None-Match", etag)
                .get("/api/v1/search")
                .then()
                .statusCode(304);
        String id = createPost(post("Nouveau " + w, "<p>x</p>"));
        given().queryParam("q", w)
                .header("If-None-Match", etag)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .header("ETag", not(equalTo(etag)));
    }
}
