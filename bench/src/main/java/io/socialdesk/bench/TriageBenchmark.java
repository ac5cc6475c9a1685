package io.socialdesk.bench;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.triage.TextTriager;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The inbox's triage ({@link TextTriager}: language, sentiment, urgency, spam) on synthetic mentions: English and
 * French sentences of a few to thirty words, with handles, hashtags, links and emoji, from 5,000 authors, a tenth
 * of them repeated (the spam window sees repeats). One shared triager, as the import pipeline has; run with
 * {@code -t 2} for two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TriageBenchmark {
    private static final String[] EN = {"my order", "still hasn't arrived", "this is broken", "and I want a refund", "thanks so much",
        "the app keeps crashing", "love the new update", "worst service ever", "can someone help me", "why is nobody answering",
        "not bad at all", "really disappointed", "URGENT", "my account was hacked", "great job team", "where is my parcel", "any news",
        "the price is too high", "do you ship to Canada", "best coffee in town"};
    private static final String[] FR = {"ma commande", "n'est toujours pas arrivée", "c'est cassé", "et je veux être remboursé",
        "merci beaucoup", "l'appli plante tout le temps", "j'adore la mise à jour", "pire service du monde", "quelqu'un peut m'aider",
        "pourquoi personne ne répond", "pas mal du tout", "vraiment déçu", "URGENT", "mon compte a été piraté", "bravo à l'équipe",
        "où est mon colis", "des nouvelles", "le prix est trop élevé", "vous livrez au Canada", "meilleur café de la ville"};
    private static final String[] EXTRAS = {"@acme", "@acme_help", "#fail", "#merci", "https://t.co/abc123", "😡", "👍", "❤️", "!!", "?", ":)",
        "lol", "svp", "pls"};

    private TextTriager triager;
    private Inbound[] items;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void setUp() {
        triager = new TextTriager();
        Random random = new Random(42);
        items = new Inbound[10_000];
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        for (int i = 0; i < items.length; i++) {
            String text;
            if (i > 0 && random.nextInt(10) == 0) {
                text = items[random.nextInt(i)].text();
            } else {
                String[] lang = random.nextBoolean() ? EN : FR;
                StringBuilder b = new StringBuilder();
                int parts = 1 + random.nextInt(5);
                for (int p = 0; p < parts; p++) {
                    if (p > 0) b.append(random.nextInt(3) == 0 ? ". " : " ");
                    b.append(lang[random.nextInt(lang.length)]);
                    if (random.nextInt(3) == 0) b.append(' ').append(EXTRAS[random.nextInt(EXTRAS.length)]);
                }
                text = b.toString();
            }
            int author = random.nextInt(5_000);
            items[i] = new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://bench/" + i, null, text, t0.plusMillis(200L * i),
                    new Inbound.Author("did:bench:" + author, "user" + author, null, (long) random.nextInt(5_000), null), null, null, null,
                    random.nextInt(4) == 0 ? "en" : null);
        }
    }

    /** One item triaged, the next of the 10,000 each call (threads share the counter and the triager). */
    @Benchmark
    public Triage triage() {
        return triager.triage(items[Math.floorMod(next.getAndIncrement(), items.length)]);
    }
}
