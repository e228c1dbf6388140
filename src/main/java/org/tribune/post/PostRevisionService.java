package org.tribune.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tribune.account.AccountRef;
import org.tribune.account.AccountService;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.security.Callers;

/** A post's revisions: full snapshots of what it was after each change, who made it and when. */
@ApplicationScoped
public class PostRevisionService {

    private final PostRepository posts;
    private final AccountService accounts;
    private final Callers callers;
    private final Clock time;
    private final ObjectMapper mapper;

    public PostRevisionService(
            PostRepository posts, AccountService accounts, Callers callers, Clock time, ObjectMapper mapper) {
        this.posts = posts;
        this.accounts = accounts;
        this.callers = callers;
        this.time = time;
        this.mapper = mapper;
    }

    /** A page of revisions, newest first, in three statements whatever the post's history. */
    public PageResponse<RevisionSummary> list(UUID postId, PageRequest page) {
        requireReadable(postId);
        PageRequest.Slice<PostRevision> revisions = posts.revisions(postId, page);
        List<PostRevision> slice = revisions.items();
        long total = posts.revisionCount(postId);
        Map<UUID, AccountRef> authors = accounts.refs(
                slice.stream().map(r -> r.authorId).filter(a -> a != null).toList());
        return PageResponse.of(
                slice.stream()
                        .map(r -> new RevisionSummary(
                                r.id,
                                r.number,
                                r.status,
                                r.title,
                                r.authorId == null ? null : authors.get(r.authorId),
                                r.createdAt))
                        .toList(),
                page,
                total,
                revisions.next());
    }

    public RevisionView get(UUID postId, UUID revisionId) {
        requireReadable(postId);
        PostRevision r = find(postId, revisionId);
        AccountRef author =
                r.authorId == null ? null : accounts.refs(List.of(r.authorId)).get(r.authorId);
        return new RevisionView(r.id, r.postId, r.number, author, r.createdAt, read(r));
    }

    /** What the post was at that revision, as a write that would make it so again. */
    PostWrite snapshot(UUID postId, UUID revisionId) {
        return read(find(postId, revisionId));
    }

    /** Stores the post as it now is, unless nothing a revision records has changed since the last one. */
    void record(Post p, PostWrite current) {
        String json;
        try {
            json = mapper.writeValueAsString(current);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (posts.lastRevision(p.id).map(last -> last.snapshot.equals(json)).orElse(false)) {
            return;
        }
        PostRevision r = new PostRevision();
        r.id = UUID.randomUUID();
        r.postId = p.id;
        r.number = posts.nextRevisionNumber(p.id);
        r.status = p.status;
        r.title = p.title;
        r.snapshot = json;
        r.authorId = callers.current().accountId();
        r.createdAt = time.now();
        posts.getEntityManager().persist(r);
    }

    private void requireReadable(UUID postId) {
        posts.findByIdOptional(postId)
                .filter(p -> p.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("Post", postId));
    }

    private PostRevision find(UUID postId, UUID revisionId) {
        PostRevision r = posts.getEntityManager().find(PostRevision.class, revisionId);
        if (r == null || !r.postId.equals(postId)) {
            throw ApiException.notFound("Revision", revisionId);
        }
        return r;
    }

    private PostWrite read(PostRevision r) {
        try {
            return mapper.readValue(r.snapshot, PostWrite.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Revision " + r.id + " cannot be read", e);
        }
    }
}
