package org.tribune.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Entity tags hash the JSON representation itself, so they change exactly when what the client would see changes,
 * including derived fields such as a category's postCount.
 */
@ApplicationScoped
public class Etags {

    private final ObjectMapper mapper;

    public Etags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Strong ETag of a single resource's representation. */
    public String strong(Object representation) {
        return "\"" + hash(representation) + "\"";
    }

    /** Weak ETag, as collection pages carry. */
    public String weak(Object representation) {
        return "W/\"" + hash(representation) + "\"";
    }

    private String hash(Object representation) {
        try {
            byte[] json = mapper.writeValueAsBytes(representation);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 27);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute an ETag", e);
        }
    }
}
