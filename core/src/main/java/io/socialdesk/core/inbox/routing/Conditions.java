package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import java.util.Arrays;
import java.util.List;

/**
 * What a routing rule asks of an item. Each non-empty condition must hold (an empty list or a null bound asks
 * nothing); within one condition any listed value will do. Keywords and regular expressions together are one
 * condition on the text: any keyword or any regular expression found. Keywords are whole words or phrases, found
 * ignoring case and accents ("Remboursé" finds "rembourse"); regular expressions are Java's, found ignoring case,
 * in the text as written or without its accents, with a bounded number of steps ({@link TextMatch}). Languages are
 * ISO 639-1 codes; authors are handles ("@" optional) or network ids, ignoring case; the follower bounds are
 * inclusive, and an author whose follower count the network does not give matches neither bound.
 */
public record Conditions(List<Network> networks, List<Long> accountIds, List<Stream> streams, List<String> keywords, List<String> regexes,
        List<String> languages, List<Triage.Sentiment> sentiments, List<Triage.Urgency> urgencies, List<String> authors,
        Long minFollowers, Long maxFollowers) {

    /** No condition at all. */
    public static final Conditions NONE = new Conditions(null, null, null, null, null, null, null, null, null, null, null);

    public Conditions {
        networks = copy(networks);
        accountIds = copy(accountIds);
        streams = copy(streams);
        keywords = copy(keywords);
        regexes = copy(regexes);
        languages = copy(languages);
        sentiments = copy(sentiments);
        urgencies = copy(urgencies);
        authors = copy(authors);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** True when nothing is asked: such a rule would take every item. */
    public boolean isEmpty() {
        return networks.isEmpty() && accountIds.isEmpty() && streams.isEmpty() && keywords.isEmpty() && regexes.isEmpty()
                && languages.isEmpty() && sentiments.isEmpty() && urgencies.isEmpty() && authors.isEmpty()
                && minFollowers == null && maxFollowers == null;
    }

    public Conditions withNetworks(Network... values) {
        return new Conditions(Arrays.asList(values), accountIds, streams, keywords, regexes, languages, sentiments, urgencies, authors,
                minFollowers, maxFollowers);
    }

    public Conditions withAccounts(Long... values) {
        return new Conditions(networks, Arrays.asList(values), streams, keywords, regexes, languages, sentiments, urgencies, authors,
                minFollowers, maxFollowers);
    }

    public Conditions withStreams(Stream... values) {
        return new Conditions(networks, accountIds, Arrays.asList(values), keywords, regexes, languages, sentiments, urgencies, authors,
                minFollowers, maxFollowers);
    }

    public Conditions withKeywords(String... values) {
        return withKeywords(Arrays.asList(values));
    }

    public Conditions withKeywords(List<String> values) {
        return new Conditions(networks, accountIds, streams, values, regexes, languages, sentiments, urgencies, authors, minFollowers,
                maxFollowers);
    }

    public Conditions withRegexes(String... values) {
        return new Conditions(networks, accountIds, streams, keywords, Arrays.asList(values), languages, sentiments, urgencies, authors,
                minFollowers, maxFollowers);
    }

    public Conditions withLanguages(String... values) {
        return new Conditions(networks, accountIds, streams, keywords, regexes, Arrays.asList(values), sentiments, urgencies, authors,
                minFollowers, maxFollowers);
    }

    public Conditions withSentiments(Triage.Sentiment... values) {
        return new Conditions(networks, accountIds, streams, keywords, regexes, languages, Arrays.asList(values), urgencies, authors,
                minFollowers, maxFollowers);
    }

    public Conditions withUrgencies(Triage.Urgency... values) {
        return new Conditions(networks, accountIds, streams, keywords, regexes, languages, sentiments, Arrays.asList(values), authors,
                minFollowers, maxFollowers);
    }

    public Conditions withAuthors(String... values) {
        return new Conditions(networks, accountIds, streams, keywords, regexes, languages, sentiments, urgencies, Arrays.asList(values),
                minFollowers, maxFollowers);
    }

    /** {@code min} and {@code max} inclusive; null for no bound. */
    public Conditions withFollowers(Long min, Long max) {
        return new Conditions(networks, accountIds, streams, keywords, regexes, languages, sentiments, urgencies, authors, min, max);
    }
}
