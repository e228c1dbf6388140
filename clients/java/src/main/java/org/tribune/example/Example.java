package org.tribune.example;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tribune.client.ApiClient;
import org.tribune.client.ApiException;
import org.tribune.client.api.AuthenticationApi;
import org.tribune.client.api.PostsApi;
import org.tribune.client.model.PageResponsePostSummary;
import org.tribune.client.model.Post;
import org.tribune.client.model.PostPatch;
import org.tribune.client.model.PostStatus;
import org.tribune.client.model.PostSummary;
import org.tribune.client.model.PostWrite;
import org.tribune.client.model.Problem;
import org.tribune.client.model.TokenRequest;

/**
 * What an integrator does with the generated Java client: read every page of posts, read one by its slug, sign
 * in, write a post, change only its status, and read a 404 as a Problem. Exits non-zero when anything is off.
 *
 * Settings: TRIBUNE_URL (default http://localhost:8080), TRIBUNE_USERNAME (default admin), TRIBUNE_PASSWORD.
 */
public final class Example {

    private Example() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("TRIBUNE_URL", "http://localhost:8080");
        String username = System.getenv().getOrDefault("TRIBUNE_USERNAME", "admin");
        String password = Objects.requireNonNull(System.getenv("TRIBUNE_PASSWORD"), "set TRIBUNE_PASSWORD");

        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(url);
        PostsApi publicPosts = new PostsApi(anonymous);

        // Every page of the public posts, five at a time.
        int page = 1;
        long seen = 0;
        PageResponsePostSummary current;
        PostSummary first = null;
        do {
            current = publicPosts.listPosts(
                    PostsApi.APIListPostsRequest.newBuilder().page(page).size(5).build());
            seen += current.getItems().size();
            if (first == null && !current.getItems().isEmpty()) {
                first = current.getItems().get(0);
            }
            page++;
        } while (page <= current.getTotalPages());
        check(
                seen == current.getTotalItems(),
                "read " + seen + " posts over all pages, expected " + current.getTotalItems());
        System.out.println("listed " + seen + " posts in " + current.getTotalPages() + " pages");

        if (first != null) {
            Post bySlug = publicPosts.getPostBySlug(PostsApi.APIGetPostBySlugRequest.newBuilder()
                    .slug(first.getSlug())
                    .build());
            check(bySlug.getId().equals(first.getId()), "the post read by slug is the listed one");
            System.out.println("read '" + bySlug.getTitle() + "' by its slug");
        }

        String token = new AuthenticationApi(anonymous)
                .createAccessToken(new TokenRequest().username(username).password(password))
                .getAccessToken();
        ApiClient signedIn = new ApiClient();
        signedIn.updateBaseUri(url);
        signedIn.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        PostsApi posts = new PostsApi(signedIn);
        System.out.println("signed in as " + username);

        OffsetDateTime publishedAt = OffsetDateTime.of(2025, 6, 17, 9, 30, 0, 0, ZoneOffset.UTC);
        Post created = posts.createPost(new PostWrite()
                .title("Java client example " + UUID.randomUUID())
                .content("<p>Written by the generated Java client.</p>")
                .lang("en")
                .tags(List.of("client", "java"))
                .publishedAt(publishedAt)
                .status(PostStatus.PUBLISHED));
        check(created.getStatus() == PostStatus.PUBLISHED, "created as published");
        System.out.println("created post " + created.getId());

        // Only the status is set (unpublishing: back to draft): the patch must carry nothing else, and the post
        // keep its language and the rest.
        Post patched = posts.patchPost(PostsApi.APIPatchPostRequest.newBuilder()
                .id(created.getId())
                .postPatch(new PostPatch().status(PostStatus.DRAFT))
                .build());
        check(patched.getStatus() == PostStatus.DRAFT, "unpublished by the patch");
        check("en".equals(patched.getLang()), "language kept: " + patched.getLang());
        check(patched.getTitle().equals(created.getTitle()), "title kept");
        check(patched.getContent().equals(created.getContent()), "content kept");
        check(patched.getExcerpt().equals(created.getExcerpt()), "excerpt kept");
        check(patched.getSlug().equals(created.getSlug()), "slug kept");
        check(patched.getTags().equals(created.getTags()), "tags kept");
        check(patched.getPublishedAt().isEqual(publishedAt), "publication time kept");
        check(Objects.equals(patched.getFeaturedMedia(), created.getFeaturedMedia()), "featured media kept");
        check(patched.getCategories().equals(created.getCategories()), "categories kept");
        check(patched.getAuthor().getId().equals(created.getAuthor().getId()), "author kept");
        check(patched.getCreatedAt().isEqual(created.getCreatedAt()), "creation time kept");
        System.out.println("patched only the status: " + patched.getStatus() + ", lang still " + patched.getLang());

        try {
            posts.getPost(
                    PostsApi.APIGetPostRequest.newBuilder().id(new UUID(0, 0)).build());
            throw new IllegalStateException("expected 404");
        } catch (ApiException e) {
            check(e.getCode() == 404, "404 for an unknown id, got " + e.getCode());
            Problem problem = signedIn.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            check(
                    problem.getStatus() == 404 && problem.getType().equals("urn:tribune:problem:not-found"),
                    "the 404 is a Problem: " + problem.getType());
            System.out.println("404 decoded as Problem: " + problem.getTitle());
        }
        System.out.println("java client example: all checks passed");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("FAILED: " + what);
        }
    }
}
