package io.socialdesk.channel.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import io.socialdesk.core.account.Network;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The feed against RFC 4287's own RELAX NG schema (Appendix B, in test resources) with Jing, plus
 * the two Schematron rules of that appendix that RELAX NG cannot express, and hostile text.
 */
class AtomFeedTest {
    static final AtomFeed.Feed FEED = new AtomFeed.Feed("https://desk.example", "SD", "Social Desk: SD",
            "https://desk.example/rest/socialdesk/1.0/feeds/SD.atom", null, "Social Desk", Instant.parse("2026-11-22T10:00:00Z"));

    static FeedEntry entry(String key, String text, Network network, String published) {
        Instant at = Instant.parse(published);
        return new FeedEntry(key, FeedEntry.titleOf(text, 80), text, at, at, "https://desk.example/items/SD-1", network, "@acme");
    }

    static final List<FeedEntry> ENTRIES = List.of(
            entry("post:1:account:1", "Winter sale starts today", Network.MASTODON, "2026-11-20T09:00:00Z"),
            entry("post:1:account:2", "Winter sale starts today", Network.LINKEDIN, "2026-11-20T09:00:05Z"),
            entry("post:2:account:1", "Opening hours over the holidays\nSecond line", Network.BLUESKY, "2026-11-21T08:30:00.250Z"));

    @Test
    void aFeedWithEntriesIsValidAgainstTheRfcSchema() throws Exception {
        byte[] xml = AtomFeed.toBytes(FEED, ENTRIES);

        assertThat(rfcSchemaErrors(xml)).isEmpty();
        Document doc = parse(xml);
        assertThat(xpath(doc, "count(/*[local-name()='feed']/*[local-name()='entry'])")).isEqualTo("3");
        assertThat(xpath(doc, "/*[local-name()='feed']/*[local-name()='updated']")).isEqualTo("2026-11-21T08:30:00Z");
        assertThat(xpath(doc, "/*[local-name()='feed']/*[local-name()='entry'][1]/*[local-name()='title']")).isEqualTo("Opening hours over the holidays");
        assertThat(xpath(doc, "/*[local-name()='feed']/*[local-name()='entry'][1]/*[local-name()='category']/@term")).isEqualTo("bluesky");
        assertThat(xpath(doc, "/*[local-name()='feed']/*[local-name()='link'][@rel='self']/@href")).isEqualTo(FEED.self());
    }

    @Test
    void anEmptyFeedIsValidToo() throws Exception {
        byte[] xml = AtomFeed.toBytes(FEED, List.of());

        assertThat(rfcSchemaErrors(xml)).isEmpty();
        assertThat(xpath(parse(xml), "/*[local-name()='feed']/*[local-name()='updated']")).isEqualTo("2026-11-22T10:00:00Z");
    }

    @Test
    void theValidatorRejectsAFeedWithoutId() throws Exception {
        String spoiled = AtomFeed.toXml(FEED, ENTRIES).replaceFirst("<id>[^<]*</id>", "");

        assertThat(rfcSchemaErrors(spoiled.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void theRfcsSchematronRulesHold() throws Exception {
        Document doc = parse(AtomFeed.toBytes(FEED, ENTRIES));

        assertThat(xpath(doc, "boolean(/*[local-name()='feed']/*[local-name()='author'])")).isEqualTo("true");
        assertThat(xpath(doc, "count(//*[local-name()='entry'][not(*[local-name()='link'][@rel='alternate'] or *[local-name()='content'])])"))
                .isEqualTo("0");
    }

    @Test
    void idsAreStablePerPostAndAccountAndDifferBetweenThem() throws Exception {
        Document first = parse(AtomFeed.toBytes(FEED, ENTRIES));
        Document again = parse(AtomFeed.toBytes(FEED, List.of(ENTRIES.get(1), ENTRIES.get(0), ENTRIES.get(2))));
        AtomFeed.Feed account = new AtomFeed.Feed(FEED.site(), "SD/account/1", "x", FEED.self(), null, "x", FEED.emptyUpdated());

        assertThat(ids(first)).isEqualTo(ids(again)).doesNotHaveDuplicates().allMatch(id -> id.startsWith("urn:uuid:"));
        assertThat(account.id()).isNotEqualTo(FEED.id());
        assertThat(FEED.id()).isEqualTo(new AtomFeed.Feed("https://desk.example", "SD", "other title", "other", null, "a", Instant.EPOCH).id());
    }

    @Test
    void hostileTextIsEscapedAndControlCharactersAreDropped() throws Exception {
        String hostile = "<script>alert('x')</script> & \u0000\u0001\u0008\u000B\u001F\uFFFE end\ttab\nline ]]> \uD800 \uD83D\uDE00";
        FeedEntry evil = new FeedEntry("post:9:account:1", hostile, hostile, Instant.parse("2026-11-21T00:00:00Z"), null,
                "https://desk.example/items/SD-9?a=1&b=<2>", Network.X, "<b>@acme</b>");

        byte[] xml = AtomFeed.toBytes(new AtomFeed.Feed(FEED.site(), "SD", "Feed & <friends>", FEED.self(), null, "A & B", FEED.emptyUpdated()),
                List.of(evil));

        String raw = new String(xml, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("\u0000").doesNotContain("\u0001");
        assertThat(rfcSchemaErrors(xml)).isEmpty();
        Document doc = parse(xml);
        String expected = "<script>alert('x')</script> &  end\ttab\nline ]]>  \uD83D\uDE00";
        assertThat(xpath(doc, "//*[local-name()='content']")).isEqualTo(expected);
        assertThat(xpath(doc, "//*[local-name()='entry']/*[local-name()='link']/@href")).isEqualTo("https://desk.example/items/SD-9?a=1&b=<2>");
        assertThat(xpath(doc, "/*[local-name()='feed']/*[local-name()='title']")).isEqualTo("Feed & <friends>");
    }

    @Property(tries = 200)
    void anyTextGivesAWellFormedFeedThatKeepsEveryAllowedCharacter(@ForAll String text) throws Exception {
        FeedEntry e = new FeedEntry("k", text, text, Instant.parse("2026-11-21T00:00:00Z"), null, null, Network.MASTODON, text);

        Document doc = parse(AtomFeed.toBytes(FEED, List.of(e)));

        // XML parsers turn a CR (alone or before LF) into LF in content.
        assertThat(xpath(doc, "//*[local-name()='content']")).isEqualTo(AtomFeed.clean(text).replace("\r\n", "\n").replace('\r', '\n'));
    }

    @Test
    void titlesAreTheFirstLineCutAtAWholeCharacter() {
        assertThat(FeedEntry.titleOf("  Hello\nworld", 80)).isEqualTo("Hello");
        assertThat(FeedEntry.titleOf("\uD83D\uDE00".repeat(10), 5)).isEqualTo("\uD83D\uDE00".repeat(4) + "…");
        assertThat(FeedEntry.titleOf(null, 5)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<String> rfcSchemaErrors(byte[] xml) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}

            @Override public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override public void fatalError(SAXParseException e) {
                errors.add("fatal " + e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        URL schema = AtomFeedTest.class.getResource("atom-rfc4287.rnc");
        assertThat(schema).as("the RFC 4287 schema in test resources").isNotNull();
        assertThat(driver.loadSchema(new InputSource(schema.toString()))).as("the schema loads: " + errors).isTrue();
        driver.validate(new InputSource(new ByteArrayInputStream(xml)));
        return errors;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String xpath(Document doc, String expression) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.STRING);
    }

    static List<String> ids(Document doc) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='entry']/*[local-name()='id']", doc, XPathConstants.NODESET);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) ids.add(nodes.item(i).getTextContent());
        return ids;
    }
}
