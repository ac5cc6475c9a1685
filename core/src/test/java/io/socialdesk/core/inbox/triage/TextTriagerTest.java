package io.socialdesk.core.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Inbound;
import io.socialdesk.core.channel.Stream;
import io.socialdesk.core.inbox.Triage;
import io.socialdesk.core.inbox.Triage.Sentiment;
import io.socialdesk.core.inbox.Triage.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTriagerTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final AtomicInteger IDS = new AtomicInteger();

    final TextTriager triager = new TextTriager();

    static Inbound item(String text) {
        return item(text, "customer", "customer", 250L, T0, null);
    }

    static Inbound item(String text, String authorId, String handle, Long followers, Instant at, String language) {
        return new Inbound(Network.BLUESKY, Stream.MENTIONS, "at://post/" + IDS.incrementAndGet(), null, text, at,
                new Inbound.Author(authorId, handle, null, followers, null), null, null, null, language);
    }

    @Nested
    class Examples {
        @Test
        void aBrokenProductAndARefundIsNegativeEnglish() {
            Triage t = triager.triage(item("This is broken and I want a refund!"));
            assertThat(t.language()).isEqualTo("en");
            assertThat(t.mood()).isEqualTo(Sentiment.NEGATIVE);
            assertThat(t.urgency()).isEqualTo(Urgency.NORMAL);
            assertThat(t.spam()).isLessThan(0.2);
        }

        @Test
        void lovingTheProductInFrenchIsPositiveFrenchAndNotUrgent() {
            Triage t = triager.triage(item("J'adore ce produit !"));
            assertThat(t.language()).isEqualTo("fr");
            assertThat(t.mood()).isEqualTo(Sentiment.POSITIVE);
            assertThat(t.sentiment()).isGreaterThan(0.5);
            assertThat(t.urgency()).isEqualTo(Urgency.LOW);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Great support, solved in minutes 👍                 | en | POSITIVE
                worst airline ever                                  | en | NEGATIVE
                It's not bad at all                                 | en | POSITIVE
                The app is not good                                 | en | NEGATIVE
                The app doesn't work since the update               | en | NEGATIVE
                The staff were nice but the food was awful          | en | NEGATIVE
                The food was awful but the staff were really nice   | en | POSITIVE
                Where is my order?                                  | en | NEUTRAL
                Ce n'est pas bon du tout                            | fr | NEGATIVE
                j'aime pas ce produit                               | fr | NEGATIVE
                c'est pas mal du tout                               | fr | POSITIVE
                ce n'est pas mal                                    | fr | POSITIVE
                c'est pas terrible                                  | fr | NEGATIVE
                ce n'est pas terrible                               | fr | NEGATIVE
                ça marche plus depuis la mise à jour                | fr | NEGATIVE
                nobody answers my emails                            | en | NEGATIVE
                ça ne marche pas depuis hier                        | fr | NEGATIVE
                Service client au top, merci !                      | fr | POSITIVE
                Le livreur était sympa mais le colis est cassé      | fr | NEGATIVE
                Vous êtes nuls 😡                                    | fr | NEGATIVE
                Elle est où ma commande ?                           | fr | NEUTRAL
                """)
        void readsTheMoodOfEnglishAndFrench(String text, String language, Sentiment mood) {
            Triage t = triager.read(text);
            assertThat(t.language()).as("language of %s", text).isEqualTo(language);
            assertThat(t.mood()).as("mood of %s (%s)", text, t.sentiment()).isEqualTo(mood);
        }

        @Test
        void capitalsAndExclamationMarksMakeTheSameWordsStronger() {
            double plain = triager.read("this is terrible").sentiment();
            double shouted = triager.read("this is TERRIBLE!!!").sentiment();
            double boosted = triager.read("this is really terrible").sentiment();
            assertThat(shouted).isLessThan(plain);
            assertThat(boosted).isLessThan(plain);
            assertThat(triager.read("c'est vraiment génial").sentiment()).isGreaterThan(triager.read("c'est génial").sentiment());
            assertThat(triager.read("c'est un peu nul").sentiment()).isGreaterThan(triager.read("c'est nul").sentiment());
        }

        @Test
        void emojiAloneCarryAMoodButNoLanguage() {
            assertThat(triager.read("😡😡😡").mood()).isEqualTo(Sentiment.NEGATIVE);
            assertThat(triager.read("❤️🎉").mood()).isEqualTo(Sentiment.POSITIVE);
            assertThat(triager.read("😡😡😡").language()).isEqualTo(Triage.UNDETERMINED);
            assertThat(triager.read("xD").mood()).isEqualTo(Sentiment.POSITIVE);
            assertThat(triager.read(":'(").mood()).isEqualTo(Sentiment.NEGATIVE);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                URGENT: my account has been hacked and someone is posting in my name | HIGH
                Au secours, mon compte a été piraté !                                | HIGH
                I need this fixed immediately, our shop is down                       | HIGH
                Il me faut une réponse tout de suite                                  | HIGH
                Our lawyer will contact you about this                                | HIGH
                Je vais porter plainte                                                | HIGH
                WHY IS NOBODY ANSWERING, THIS IS A DISGRACE!!                         | HIGH
                Nothing urgent, just wondering about the opening hours                | NORMAL
                Rien d'urgent, juste une question sur les horaires                    | NORMAL
                Still waiting for my refund                                           | NORMAL
                Where is my order?                                                    | NORMAL
                Thanks a lot, you are great!                                          | LOW
                Merci beaucoup, super service                                         | LOW
                """)
        void readsHowUrgentAnItemIs(String text, Urgency urgency) {
            assertThat(triager.read(text).urgency()).as(text).isEqualTo(urgency);
        }
    }

    @Nested
    class Spam {
        @Test
        void anOrdinaryCustomerIsNotSpam() {
            assertThat(triager.triage(item("My parcel arrived damaged, what should I do?")).spam()).isLessThan(0.2);
        }

        @Test
        void aLinkGluedToAWordIsStillALink() {
            assertThat(triager.triage(item("see:https://spam.example/a and(https://spam.example/b) https://spam.example/c")).spam())
                    .isGreaterThan(0.5);
        }

        @Test
        void linksPhrasesAndStuffingScoreHigh() {
            Triage t = triager.triage(item("Get free followers now!!! click here https://spam.example/a https://spam.example/b #follow #like "
                    + "#f4f #followback #instagood #love #l4l #promo", "u1", "promo83746251", 0L, T0, null));
            assertThat(t.spam()).isGreaterThan(0.9);
            assertThat(t.urgency()).isEqualTo(Urgency.LOW);
        }

        @Test
        void theSameTextAgainFromTheSameAuthorIsLikelySpamButTheFirstIsNot() {
            String text = "Check out our amazing deals on sneakers at 50% off today only";
            double first = triager.triage(item(text, "bot", "bot", 120L, T0, null)).spam();
            double second = triager.triage(item(text + " 🔥", "bot", "bot", 120L, T0.plusSeconds(30), null)).spam();
            double third = triager.triage(item(text.toUpperCase(), "bot", "bot", 120L, T0.plusSeconds(60), null)).spam();
            assertThat(first).isLessThan(0.2);
            assertThat(second).isGreaterThan(0.4);
            assertThat(third).isGreaterThan(second);
        }

        @Test
        void theSameTextFromManyAuthorsIsACampaign() {
            String text = "Amazing opportunity to double your savings, see profile";
            double last = 0;
            for (int i = 0; i < 7; i++) last = triager.triage(item(text, "a" + i, "a" + i, 50L, T0.plusSeconds(i), null)).spam();
            assertThat(last).isGreaterThan(0.4);
        }

        @Test
        void shortCommonRepliesFromManyPeopleAreNotSpam() {
            double last = 0;
            for (int i = 0; i < 20; i++) last = triager.triage(item("thanks!", "p" + i, "p" + i, 50L, T0.plusSeconds(i), null)).spam();
            assertThat(last).isLessThan(0.1);
        }

        @Test
        void theWindowForgetsOldTextsAndStaysBounded() {
            TextTriager small = new TextTriager(new TriageSettings(10_000, 3, Duration.ofHours(1), true));
            String text = "Check out our amazing deals on sneakers at 50% off today only";
            small.triage(item(text, "bot", "bot", 120L, T0, null));
            assertThat(small.triage(item(text, "bot", "bot", 120L, T0.plus(Duration.ofHours(2)), null)).spam())
                    .as("two hours later, beyond the window").isLessThan(0.2);
            for (int i = 0; i < 10; i++) small.triage(item("Another different message number " + "abcdefghij".charAt(i) + " about shoes and socks",
                    "x" + i, "x", 120L, T0.plus(Duration.ofHours(2)), null));
            assertThat(small.triage(item(text, "bot", "bot", 120L, T0.plus(Duration.ofHours(2)), null)).spam())
                    .as("pushed out by newer items").isLessThan(0.2);
        }

        @Test
        void readingForTheRuleTesterRemembersNothing() {
            String text = "Check out our amazing deals on sneakers at 50% off today only";
            triager.read(text);
            triager.read(text);
            assertThat(triager.triage(item(text)).spam()).isLessThan(0.2);
        }
    }

    @Nested
    class NetworkLanguage {
        @Test
        void theNetworksTagNeverOverridesTheText() {
            assertThat(triager.triage(item("Merci beaucoup pour votre aide", "c", "c", 10L, T0, "en")).language()).isEqualTo("fr");
            assertThat(triager.triage(item("Thanks a lot for your help", "c", "c", 10L, T0, "fr")).language()).isEqualTo("en");
        }

        @Test
        void itBreaksTiesWhenTheTextHasWordsButNoEvidence() {
            assertThat(triager.triage(item("ok", "c", "c", 10L, T0, "fr")).language()).isEqualTo("fr");
            assertThat(triager.triage(item("ok", "c", "c", 10L, T0, "en-US")).language()).isEqualTo("en");
            assertThat(triager.triage(item("ok", "c", "c", 10L, T0, null)).language()).isEqualTo(Triage.UNDETERMINED);
        }

        @Test
        void aTagForALanguageTheDetectorCannotCheckIsTakenOnlyWhenItIsARealCode() {
            assertThat(triager.triage(item("Tschüss", "c", "c", 10L, T0, "de")).language()).isEqualTo("de");
            assertThat(triager.triage(item("ok", "c", "c", 10L, T0, "zz")).language()).isEqualTo(Triage.UNDETERMINED);
            assertThat(triager.triage(item("ok", "c", "c", 10L, T0, "english")).language()).isEqualTo(Triage.UNDETERMINED);
        }

        @Test
        void aTextWithoutWordsHasNoLanguageWhateverTheTag() {
            assertThat(triager.triage(item("👍👍", "c", "c", 10L, T0, "fr")).language()).isEqualTo(Triage.UNDETERMINED);
            assertThat(triager.triage(item("https://t.co/abc @acme", "c", "c", 10L, T0, "en")).language()).isEqualTo(Triage.UNDETERMINED);
        }

        @Test
        void theTagCanBeTurnedOff() {
            TextTriager strict = new TextTriager(new TriageSettings(10_000, 100, Duration.ofHours(1), false));
            assertThat(strict.triage(item("ok", "c", "c", 10L, T0, "fr")).language()).isEqualTo(Triage.UNDETERMINED);
        }
    }

    @Nested
    class OtherLanguages {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Gracias por la ayuda, todavía no tengo mi pedido | es
                Ich habe meine Bestellung noch nicht bekommen     | de
                注文した商品がまだ届きません                          | ja
                주문한 상품이 아직 도착하지 않았어요                    | ko
                Мой заказ до сих пор не пришёл                    | und
                """)
        void namesAFewOthersOnlyWhenSure(String text, String language) {
            assertThat(triager.read(text).language()).isEqualTo(language);
        }
    }
}
