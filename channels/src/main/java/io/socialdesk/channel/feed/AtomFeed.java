package io.socialdesk.channel.feed;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 document (RFC 4287) of what was published for a project or one account, newest first.
 * Written with an XML writer, never by concatenation, so every text is escaped; characters XML 1.0
 * cannot carry at all (controls other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) are
 * dropped. Ids are {@code urn:uuid:} name-based UUIDs of the site, the scope and the entry's key: the
 * same post on the same account keeps its id across requests and restarts.
 */
public final class AtomFeed {
    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private AtomFeed() {
    }

    /**
     * What the feed is about. {@code site} tells installations apart in ids (the host's base URL);
     * {@code scope} is the project key, or the project and account; {@code self} is the feed's own
     * URL; {@code alternate} a page for people (may be null); {@code author} the name shown.
     */
    public record Feed(String site, String scope, String title, String self, String alternate, String author, Instant emptyUpdated) {
        public Feed {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(self, "self");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(emptyUpdated, "emptyUpdated");
        }

        /** The feed's id: stable for the site and scope. */
        public String id() {
            return uuid("feed " + site + " " + scope);
        }

        /** The id of an entry of this feed. */
        public String entryId(FeedEntry entry) {
            return uuid("entry " + site + " " + entry.key());
        }
    }

    public static byte[] toBytes(Feed feed, List<FeedEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(feed, entries, out);
        return out.toByteArray();
    }

    public static String toXml(Feed feed, List<FeedEntry> entries) {
        return new String(toBytes(feed, entries), StandardCharsets.UTF_8);
    }

    /** Writes the document, UTF-8, to {@code out}. */
    public static void write(Feed feed, List<FeedEntry> entries, OutputStream out) {
        List<FeedEntry> newestFirst = entries.stream().sorted(Comparator.comparing(FeedEntry::updated).reversed()
                .thenComparing(FeedEntry::key)).toList();
        Instant updated = newestFirst.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(feed.emptyUpdated());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", feed.id());
            element(xml, "title", feed.title());
            element(xml, "updated", date(updated));
            link(xml, "self", feed.self(), MEDIA_TYPE);
            if (feed.alternate() != null) link(xml, "alternate", feed.alternate(), "text/html");
            xml.writeStartElement("author");
            element(xml, "name", feed.author());
            xml.writeEndElement();
            element(xml, "generator", "Social Desk");
            for (FeedEntry entry : newestFirst) {
                xml.writeStartElement("entry");
                element(xml, "id", feed.entryId(entry));
                element(xml, "title", entry.title());
                element(xml, "updated", date(entry.updated()));
                element(xml, "published", date(entry.published()));
                if (entry.link() != null) link(xml, "alternate", entry.link(), "text/html");
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", entry.network().name().toLowerCase(Locale.ROOT));
                xml.writeAttribute("label", clean(entry.network().label()));
                if (!entry.account().isBlank()) {
                    xml.writeStartElement("author");
                    element(xml, "name", entry.account());
                    xml.writeEndElement();
                }
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(entry.text()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The Atom feed could not be written: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href));
    }

    /** RFC 3339 in UTC, to the second (what RFC 4287's date constructs require). */
    static String date(Instant instant) {
        return RFC3339.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** {@code text} without the characters XML 1.0 cannot carry (§2.2 Char). */
    public static String clean(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) out.appendCodePoint(c);
        });
        return out.toString();
    }

    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
