package org.tribune.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1): names as the specification spells them. */
@Schema(name = "JsonFeed", description = "JSON Feed 1.1: https://jsonfeed.org/version/1.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonFeed(
        @Schema(required = true, examples = "https://jsonfeed.org/version/1.1")
        String version,

        @Schema(required = true) String title,

        @JsonProperty("home_page_url") @Schema(required = true)
        String homePageUrl,

        @JsonProperty("feed_url") @Schema(required = true) String feedUrl,
        String description,
        String language,
        @Schema(required = true) List<Item> items) {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    @Schema(name = "JsonFeedItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(required = true, description = "urn:uuid: and the post's id: stable when its permalink moves.")
            String id,

            @Schema(required = true) String url,
            @Schema(required = true) String title,

            @JsonProperty("content_html") @Schema(required = true)
            String contentHtml,

            String summary,
            String image,

            @JsonProperty("date_published")
            @Schema(required = true, description = "In the site's time zone, with its offset.")
            OffsetDateTime datePublished,

            @JsonProperty("date_modified") OffsetDateTime dateModified,
            List<Author> authors,
            List<String> tags,
            String language,
            List<Attachment> attachments) {}

    @Schema(name = "JsonFeedAuthor")
    public record Author(@Schema(required = true) String name) {}

    @Schema(name = "JsonFeedAttachment")
    public record Attachment(
            @Schema(required = true) String url,

            @JsonProperty("mime_type") @Schema(required = true)
            String mimeType,

            @JsonProperty("size_in_bytes") long sizeInBytes) {}
}
