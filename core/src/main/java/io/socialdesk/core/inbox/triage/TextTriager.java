package io.socialdesk.core.inbox.triage;

import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triager;

/**
 * The inbox's {@link Triager}: reads an imported item's language ({@link LanguageDetector}), sentiment (VADER's rules
 * over English and French lexicons shipped in the jar), urgency (cue words, negativity, shouting) and spam score
 * (links, repetition, new accounts, stuffing). Pure: no I/O, no clock, nothing static that changes.
 *
 * <p>One instance remembers the last {@link TriageSettings#recentItems()} texts it saw so that the same text again
 * (from the same author, or from many) scores as spam; keep one instance per import pipeline, shared by its
 * threads (it is thread-safe). {@link #read(String)} triages a text without remembering it: the rule tester's call.
 *
 * <p>Cost: some microseconds per item (see docs/benchmarks.md, "Triage"); any input is accepted, and only the first
 * {@link TriageSettings#maxChars()} characters are read.
 */
public final class TextTriager implements Triager {
    private final TriageSettings settings;
    private final LanguageDetector languages;
    private final SentimentScorer sentiments;
    private final SpamRules.RecentTexts recent;

    public TextTriager() {
        this(TriageSettings.DEFAULTS);
    }

    public TextTriager(TriageSettings settings) {
        this.settings = settings;
        this.languages = LanguageDetector.standard();
        this.sentiments = SentimentScorer.standard();
        this.recent = new SpamRules.RecentTexts(settings.recentItems(), settings.recentFor().toMillis());
    }

    @Override
    public Triage triage(Inbound item) {
        Text text = Text.read(item.text(), settings.maxChars());
        long fp = SpamRules.fingerprint(text);
        SpamRules.RecentTexts.Seen seen = null;
        if (fp != 0) {
            long at = item.createdAt() == null ? Long.MIN_VALUE / 2 : item.createdAt().toEpochMilli();
            seen = recent.record(fp, authorKey(item), at);
        }
        return triage(text, item.language(), item.author(), seen);
    }

    /** Language, sentiment, urgency and spam of a bare text (no author, nothing remembered): the rule tester's reading. */
    public Triage read(String text) {
        return triage(Text.read(text, settings.maxChars()), null, null, null);
    }

    private Triage triage(Text text, String networkTag, Inbound.Author author, SpamRules.RecentTexts.Seen seen) {
        String language = languages.detect(text, settings.networkLanguage() ? networkTag : null);
        double sentiment = sentiments.score(text, language);
        double spam = SpamRules.score(text, author, seen);
        Triage.Urgency urgency = UrgencyRules.urgency(UrgencyRules.points(text, sentiment), sentiment, spam);
        return new Triage(language, sentiment, urgency, spam);
    }

    private static long authorKey(Inbound item) {
        String key = item.network().name() + ':' + item.author().id();
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) h = 31 * h + key.charAt(i);
        return h;
    }
}
