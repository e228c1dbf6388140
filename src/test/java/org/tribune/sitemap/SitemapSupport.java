package org.tribune.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Validates sitemaps against the protocol's XSDs (shipped in src/test/resources/sitemap) and reads them back. */
final class SitemapSupport {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private SitemapSupport() {}

    static void validate(byte[] xml, String xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(new StreamSource(SitemapSupport.class.getResourceAsStream("/sitemap/" + xsd)));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** loc to lastmod, in document order, of a urlset or a sitemapindex. */
    static Map<String, Instant> entries(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Map<String, Instant> entries = new LinkedHashMap<>();
        NodeList locs = doc.getElementsByTagNameNS(NS, "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            Element loc = (Element) locs.item(i);
            Element lastmod = (Element) ((Element) loc.getParentNode())
                    .getElementsByTagNameNS(NS, "lastmod")
                    .item(0);
            assertThat(lastmod).as("every entry has its lastmod").isNotNull();
            entries.put(
                    loc.getTextContent(),
                    OffsetDateTime.parse(lastmod.getTextContent()).toInstant());
        }
        return entries;
    }

    static String root(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml))
                .getDocumentElement()
                .getLocalName();
    }
}
