package org.tribune.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every feed is parsed back with the JDK's own XML parser, or as plain JSON, and checked against the posts. */
@QuarkusTest
class FeedApiTest extends ApiTestSupport {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String TRICKY_TITLE = "Égalité & <liberté> « ünïcödé » ✓";

    private String u;
    private String category;
    private String older;
    private String newer;
    private String photo;

    @BeforeEach
    void aCategoryWithTwoPublicPostsAndSomeThatMustNotShow() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", "Droits humains");
        settings.put("language", "fr");
        settings.put("timeZone", "Europe/Paris");
        settings.put("baseUrl", "https://example.org");
        settings.put(
                "permalinks",
                Map.of(
                        "post", "/{yyyy}/{mm}/{slug}",
                        "category", "/rubriques/{slug}",
                        "tag", "/mots-cles/{slug}",
                        "honoraryCitizen", "/citoyens/{slug}",
                        "prize", "/prix/{slug}",
                        "award", "/prix/{prize}/{year}#{id}"));
        as(token(Roles.ADMIN)).body(settings).put("/api/v1/site").then().statusCode(200);
        u = unique();
        category = createCategory("Flux " + u);
        photo = uploadImage();
        older = post(TRICKY_TITLE + " " + u, "2025-03-01T10:00:00Z", Map.of());
        newer = post("Plus récent " + u, "2025-07-01T22:30:00Z", Map.of("featuredMedia", photo));
        post("Brouillon " + u, "2025-05-01T10:00:00Z", Map.of("status", "draft"));
        post("Programmé " + u, "2099-01-01T10:00:00Z", Map.of("status", "scheduled"));
        post("Caché " + u, "2025-05-02T10:00:00Z", Map.of("seo", Map.of("noindex", true)));
        String trashed = post("Jeté " + u, "2025-05-03T10:00:00Z", Map.of());
        editor().delete("/api/v1/posts/" + trashed).then().statusCode(204);
    }

    private String post(String title, String publishedAt, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("title", title);
        body.put("content", "<p>Texte de « " + title.replace("&", "&amp;").replace("<", "&lt;") + " » & suite.</p>");
        body.put("publishedAt", publishedAt);
        body.put("categories", List.of(category));
        body.put("tags", List.of("flux-" + u));
        body.putIfAbsent("status", "published");
        return createPost(body);
    }

    private static Document xml(Response response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
    }

    private static String text(Element parent, String ns, String name) {
        NodeList nodes = ns == null ? parent.getElementsByTagName(name) : parent.getElementsByTagNameNS(ns, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static List<Element> elements(Document doc, String ns, String name) {
        NodeList nodes = ns == null ? doc.getElementsByTagName(name) : doc.getElementsByTagNameNS(ns, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Map<String, Object> attachmentOf(String media) {
        return given().get("/api/v1/media/" + media).then().extract().path("$");
    }

    @Test
    void rssListsTheCategorysPublicPostsNewestFirstWithEscapedTextZonedDatesAndTheFeaturedPhoto() throws Exception {
        Response response = given().get("/api/v1/feeds/categories/flux-" + u + "/rss");
        response.then()
                .statusCode(200)
                .contentType("application/rss+xml")
                .header("ETag", notNullValue())
                .header("Cache-Control", "public, no-cache");
        Document doc = xml(response);
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        List<Element> items = elements(doc, null, "item");
        assertThat(items).hasSize(2);
        assertThat(text(items.get(0), null, "title")).isEqualTo("Plus récent " + u);
        assertThat(text(items.get(1), null, "title")).isEqualTo(TRICKY_TITLE + " " + u);
        assertThat(text(items.get(1), null, "link"))
                .isEqualTo("https://example.org/2025/03/"
                        + given().get("/api/v1/posts/" + older).path("slug"));
        assertThat(text(items.get(1), null, "guid")).isEqualTo("urn:uuid:" + older);
        Instant published = ZonedDateTime.parse(
                        text(items.get(1), null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        assertThat(published).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(text(items.get(1), CONTENT, "encoded"))
                .contains("&amp; suite.")
                .contains("&lt;liberté&gt;");
        assertThat(text(items.get(1), DC, "creator")).startsWith("Compte editor-");
        Element enclosure =
                (Element) items.get(0).getElementsByTagName("enclosure").item(0);
        assertThat(enclosure.getAttribute("type")).isEqualTo("image/png");
        assertThat(Long.parseLong(enclosure.getAttribute("length"))).isPositive();
        assertThat(enclosure.getAttribute("url")).startsWith("http").contains("/api/v1/media/" + photo + "/file");
        given().get(enclosure.getAttribute("url").replaceFirst("^https?://[^/]+", ""))
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(enclosure.getAttribute("length")));
        assertThat(elements(doc, null, "channel")
                        .get(0)
                        .getElementsByTagName("language")
                        .item(0)
                        .getTextContent())
                .isEqualTo("fr");
    }

    @Test
    void atomCarriesTheSamePostsWithRfc3339DatesIdsAndLinks() throws Exception {
        Response response = given().get("/api/v1/feeds/tags/flux-" + u + "/atom");
        response.then().statusCode(200).contentType("application/atom+xml");
        Document doc = xml(response);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        List<Element> entries = elements(doc, ATOM, "entry");
        assertThat(entries).hasSize(2);
        assertThat(text(entries.get(0), ATOM, "id")).isEqualTo("urn:uuid:" + newer);
        assertThat(text(entries.get(1), ATOM, "title")).isEqualTo(TRICKY_TITLE + " " + u);
        assertThat(OffsetDateTime.parse(text(entries.get(0), ATOM, "published")).toInstant())
                .isEqualTo(Instant.parse("2025-07-01T22:30:00Z"));
        Element link =
                (Element) entries.get(0).getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(link.getAttribute("href")).startsWith("https://example.org/2025/07/");
        boolean enclosure = false;
        NodeList links = entries.get(0).getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element l = (Element) links.item(i);
            enclosure |= l.getAttribute("rel").equals("enclosure")
                    && l.getAttribute("type").equals("image/png");
        }
        assertThat(enclosure).as("the featured photo is an enclosure link").isTrue();
    }

    @Test
    void jsonFeedCarriesTheSamePostsWithDatesInTheSitesTimeZone() {
        JsonPath feed = given().get("/api/v1/feeds/categories/flux-" + u + "/json")
                .then()
                .statusCode(200)
                .contentType("application/feed+json")
                .extract()
                .jsonPath();
        assertThat(feed.getString("version")).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.getList("items.id")).containsExactly("urn:uuid:" + newer, "urn:uuid:" + older);
        assertThat(feed.getString("items[1].title")).isEqualTo(TRICKY_TITLE + " " + u);
        // 22:30 UTC on 1 July is 00:30 on 2 July in Paris (summer time): the date and its offset say so.
        assertThat(feed.getString("items[0].date_published")).isEqualTo("2025-07-02T00:30:00+02:00");
        assertThat(feed.getString("items[1].date_published")).isEqualTo("2025-03-01T11:00:00+01:00");
        assertThat(feed.getString("items[0].attachments[0].mime_type")).isEqualTo("image/png");
        assertThat(feed.getLong("items[0].attachments[0].size_in_bytes")).isPositive();
        assertThat(feed.getString("items[1].content_html")).contains("&lt;liberté&gt;");
        assertThat(feed.getString("home_page_url")).isEqualTo("https://example.org/rubriques/flux-" + u);
    }

    @Test
    void feedsAnswer304WhileUnchangedAndChangeWhenAPostLeaves() {
        for (String url : List.of(
                "/api/v1/feeds/categories/flux-" + u + "/rss",
                "/api/v1/feeds/categories/flux-" + u + "/atom",
                "/api/v1/feeds/categories/flux-" + u + "/json")) {
            Response first = given().get(url);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            given().header("If-None-Match", etag).get(url).then().statusCode(304);
            given().header("If-Modified-Since", lastModified).get(url).then().statusCode(304);
        }
        String url = "/api/v1/feeds/categories/flux-" + u + "/rss";
        String etag = given().get(url).header("ETag");
        mergePatch()
                .body(Map.of("status", "draft"))
                .patch("/api/v1/posts/" + newer)
                .then()
                .statusCode(200);
        given().header("If-None-Match", etag).get(url).then().statusCode(200);
    }

    @Test
    void withoutABaseUrlThereIsNoFeedAndAnUnknownCategoryHasNone() {
        given().get("/api/v1/feeds/categories/inconnue-" + u + "/rss").then().statusCode(404);
        String slug = "flux-" + u;
        mergePatch().body(Map.of("slug", "flux-renomme-" + u)).patch("/api/v1/categories/" + category);
        given().redirects()
                .follow(false)
                .get("/api/v1/feeds/categories/" + slug + "/atom")
                .then()
                .statusCode(301)
                .header(
                        "Location",
                        org.hamcrest.Matchers.endsWith("/api/v1/feeds/categories/flux-renomme-" + u + "/atom"));
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("baseUrl", ""))
                .patch("/api/v1/site")
                .then()
                .statusCode(200)
                .body("baseUrl", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/feeds/rss")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("baseUrl"));
        given().get("/api/v1/feeds/json").then().statusCode(409);
    }

    @Test
    void theSiteFeedHasAtMostTwentyEntries() throws Exception {
        Document doc = xml(given().get("/api/v1/feeds/rss"));
        assertThat(elements(doc, null, "item")).hasSizeBetween(2, 20);
        assertThat(given().get("/api/v1/feeds/json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"))
                .hasSizeLessThanOrEqualTo(20);
        given().get("/api/v1/feeds/json").then().body("title", equalTo("Droits humains"));
    }
}
