package org.tribune.sitemap;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.category.CategoryService;
import org.tribune.common.ApiException;
import org.tribune.common.ProblemType;
import org.tribune.honor.AwardService;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.post.PostListService;
import org.tribune.site.PageLink;
import org.tribune.site.SiteService;

/**
 * The sitemap (sitemaps.org protocol 0.9): the permalinks of the public posts, categories, honorary citizens, prizes
 * and award pages that search engines may list, with when each last changed. Past {@code tribune.sitemap.max-urls}
 * (the protocol's 50,000) it becomes an index of parts of that many, ordered by URL so that a part stays the same
 * while its pages do. Written with the JDK's StAX writer, which escapes what XML needs.
 */
@ApplicationScoped
public class SitemapService {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** W3C Datetime, as the protocol asks, in UTC. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final SiteService site;
    private final PostListService posts;
    private final CategoryService categories;
    private final HonoraryCitizenService citizens;
    private final AwardService awards;
    private final int maxUrls;

    public SitemapService(
            SiteService site,
            PostListService posts,
            CategoryService categories,
            HonoraryCitizenService citizens,
            AwardService awards,
            @ConfigProperty(name = "tribune.sitemap.max-urls", defaultValue = "50000") int maxUrls) {
        this.site = site;
        this.posts = posts;
        this.categories = categories;
        this.citizens = citizens;
        this.awards = awards;
        this.maxUrls = maxUrls;
    }

    /** An XML document, and the latest change it shows. */
    public record Document(byte[] body, Instant changedAt) {}

    /**
     * The sitemap, or the index of its parts when it has more URLs than a sitemap may hold.
     *
     * @param partUrl the address of part n, for the index
     */
    public Document sitemap(java.util.function.IntFunction<URI> partUrl) {
        List<PageLink> pages = pages();
        if (pages.size() <= maxUrls) {
            return urlset(pages);
        }
        int parts = (pages.size() + maxUrls - 1) / maxUrls;
        return write(
                w -> {
                    w.writeStartElement("sitemapindex");
                    w.writeDefaultNamespace(NAMESPACE);
                    for (int n = 1; n <= parts; n++) {
                        w.writeStartElement("sitemap");
                        element(w, "loc", partUrl.apply(n).toString());
                        element(w, "lastmod", W3C.format(latest(part(pages, n))));
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                },
                latest(pages));
    }

    /** Part n (from 1) of a sitemap too large for one; 404 past the last. */
    public Document part(int n) {
        List<PageLink> pages = pages();
        int parts = pages.size() <= maxUrls ? 0 : (pages.size() + maxUrls - 1) / maxUrls;
        if (n < 1 || n > parts) {
            throw ApiException.notFound("Sitemap part", n);
        }
        return urlset(part(pages, n));
    }

    private List<PageLink> part(List<PageLink> pages, int n) {
        return pages.subList((n - 1) * maxUrls, Math.min(pages.size(), n * maxUrls));
    }

    private List<PageLink> pages() {
        String home = site.permalinks().home();
        if (home == null) {
            throw new ApiException(
                    ProblemType.CONFLICT,
                    "The sitemap lists the public site's pages, whose address is not set yet: an admin sets baseUrl"
                            + " with PATCH /api/v1/site.");
        }
        List<PageLink> pages = new ArrayList<>();
        pages.addAll(posts.indexablePages());
        pages.addAll(categories.indexablePages());
        pages.addAll(citizens.indexablePages());
        pages.addAll(awards.indexablePages());
        Instant newest = latest(pages);
        pages.add(new PageLink(
                home,
                newest.isAfter(site.get().updatedAt()) ? newest : site.get().updatedAt()));
        return pages.stream()
                .filter(p -> p.url() != null)
                .sorted(Comparator.comparing(PageLink::url))
                .distinct()
                .toList();
    }

    private Document urlset(List<PageLink> pages) {
        return write(
                w -> {
                    w.writeStartElement("urlset");
                    w.writeDefaultNamespace(NAMESPACE);
                    for (PageLink p : pages) {
                        w.writeStartElement("url");
                        element(w, "loc", p.url());
                        element(w, "lastmod", W3C.format(p.lastModified()));
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                },
                latest(pages));
    }

    private static Instant latest(List<PageLink> pages) {
        return pages.stream()
                .map(PageLink::lastModified)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static Document write(Body body, Instant changedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The sitemap could not be written", e);
        }
        return new Document(out.toByteArray(), changedAt);
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
