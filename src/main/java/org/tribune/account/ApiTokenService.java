package org.tribune.account;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.Writes;
import org.tribune.security.Caller;
import org.tribune.security.InvalidToken;

@ApplicationScoped
public class ApiTokenService {

    private static final Sortable SORTING = Sortable.of("createdAt", "-createdAt");
    private static final SortOrder NEWEST_FIRST = SORTING.parse(null);
    private static final Map<String, String> SORT_PATHS = SORTING.paths(Map.of("createdAt", "createdAt"));

    /** Marks a bearer token as an API token rather than a JWT, and makes leaked secrets easy to find by scanners. */
    public static final String PREFIX = "trb_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;

    private final Writes writes;
    private final Clock clock;
    private final ResourceType<ApiToken, ApiTokenView> type;

    public ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, Writes writes, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.writes = writes;
        this.clock = clock;
        this.type = ResourceType.of("api-token", "API token", ApiToken.class, tokens, this::view);
    }

    public PageResponse<ApiTokenView> list(PageRequest page) {
        long total = tokens.count();
        PageRequest.Slice<ApiToken> slice = Keyset.page(
                tokens, "from ApiToken where 1 = 1", new Parameters(), NEWEST_FIRST, SORT_PATHS, "id", page);
        List<ApiToken> rows = slice.items();
        Map<UUID, AccountRef> creators = AccountService.refsOf(
                accounts.byIds(rows.stream().map(t -> t.createdBy).distinct().toList()));
        return PageResponse.of(
                rows.stream().map(t -> view(t, creators.get(t.createdBy))).toList(), page, total, slice.next());
    }

    public ApiTokenView get(UUID id) {
        return view(tokens.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("API token", id)));
    }

    @Transactional
    public ApiTokenCreated create(ApiTokenWrite write, Caller caller) {
        Account creator = accounts.findByIdOptional(caller.accountId())
                .orElseThrow(() -> ApiException.forbidden("Only an admin account can create API tokens."));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiTokenView view = writes.create(type, new ApiToken(), t -> {
            if (write.expiresAt() != null && !write.expiresAt().isAfter(t.createdAt)) {
                throw ApiException.invalid("expiresAt", "must be in the future");
            }
            t.name = write.name().strip();
            t.role = write.role();
            t.secretHash = sha256(secret);
            t.secretHint = secret.substring(0, PREFIX.length() + 4);
            t.createdBy = creator.id;
            t.expiresAt = write.expiresAt() == null ? null : write.expiresAt().truncatedTo(ChronoUnit.MILLIS);
        });
        return ApiTokenCreated.of(view, secret);
    }

    /** Revoking is immediate: every request checks its token against the database. */
    @Transactional
    public void revoke(UUID id) {
        writes.delete(type, id, Precondition.UNCONDITIONAL, t -> {});
    }

    /** The tokens an account created go with it. */
    @Transactional
    void revokeAllOf(UUID accountId) {
        tokens.list("createdBy", accountId)
                .forEach(t -> writes.delete(type, t.id, Precondition.UNCONDITIONAL, x -> {}));
    }

    /** The caller an API token stands for, checked against the database on every request so that revoking is immediate. */
    @Transactional
    public Caller identify(String secret) {
        Optional<ApiToken> found = tokens.findBySecretHash(sha256(secret));
        if (found.isEmpty()) {
            throw InvalidToken.because("This API token does not exist or was revoked.");
        }
        ApiToken t = found.get();
        Instant now = clock.now();
        if (t.expiresAt != null && !t.expiresAt.isAfter(now)) {
            throw InvalidToken.because("This API token has expired.");
        }
        Account creator = accounts.findById(t.createdBy);
        if (creator == null || !creator.active) {
            throw InvalidToken.because("This API token stopped working: the account that created it is deactivated.");
        }
        if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(ApiTokenRepository.TOUCH_INTERVAL))) {
            tokens.touch(t.id, now);
        }
        return new Caller(creator.id, t.role.name(), t.id);
    }

    private ApiTokenView view(ApiToken t) {
        return view(
                t, AccountService.refsOf(accounts.byIds(List.of(t.createdBy))).get(t.createdBy));
    }

    private static ApiTokenView view(ApiToken t, AccountRef creator) {
        return new ApiTokenView(t.id, t.name, t.role, t.secretHint, creator, t.createdAt, t.expiresAt, t.lastUsedAt);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
