package io.socialdesk.core.inbox.triage;

import io.socialdesk.core.inbox.Triage;
import java.util.List;
import java.util.Set;

/**
 * How urgent an item reads, from English and French cue words and phrases, how negative it is and whether it
 * shouts. Points: a strong cue ("urgent", "lawsuit", "hacked", "au secours", "tout de suite") 3; weaker cues
 * ("still waiting", "toujours pas", "again", "depuis") 1 each, at most 2; a compound score at or below -0.6 one
 * more (-0.3: half); mostly capitals 1; two exclamation marks or more half. HIGH from 3 points; LOW for what
 * scores nothing and reads positive, and for likely spam; NORMAL otherwise. A negated cue ("not urgent",
 * "rien d'urgent") does not count.
 */
final class UrgencyRules {
    static final double HIGH_POINTS = 3;

    private static final Set<String> STRONG = Text.words("urgent", "urgente", "urgently", "emergency", "asap", "immediately", "right now",
            "right away", "lawsuit", "sue you", "suing", "legal action", "danger", "dangerous", "unsafe", "fire", "smoke", "injured", "injury",
            "bleeding", "poisoned", "poisoning", "hacked", "fraud", "stolen", "data breach", "breach", "police", "help me", "sos",
            "au secours", "a l'aide", "urgence", "urgences", "immediatement", "tout de suite", "des que possible", "au plus vite", "dangereux",
            "dangereuse", "en danger", "pirate", "piratee", "fraude", "vole", "volee", "mise en demeure", "porter plainte", "proces", "avocat",
            "blesse", "blessee", "incendie", "intoxication", "fuite de donnees", "gendarmerie", "aidez-moi", "aidez moi", "lawyer", "attorney");
    private static final Set<String> WEAK = Text.words("still waiting", "still no", "still not", "no answer", "no response", "no reply", "again",
            "third time", "for days", "for weeks", "help", "deadline", "today", "tonight", "now", "locked out", "can't access", "outage", "down",
            "not working", "toujours pas", "toujours rien", "aucune reponse", "pas de reponse", "encore", "depuis", "aide", "aujourd'hui",
            "ce soir", "maintenant", "bloque", "bloquee", "panne", "en panne", "hors service", "plus d'acces", "ne marche plus", "escalate",
            "complaint", "plainte", "reclamation", "refund", "remboursement", "nobody", "no one", "personne ne", "personne n'");
    private static final Set<String> NEGATORS = Text.words("not", "no", "nothing", "never", "isn't", "pas", "rien", "aucun", "aucune", "jamais",
            "non");

    /** First words of the multi-word cues: only from one of them is a phrase built. */
    private static final Set<String> STARTS = starts(STRONG, WEAK);

    private UrgencyRules() {}

    static Set<String> starts(Set<String> a, Set<String> b) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (Set<String> set : List.of(a, b)) {
            for (String p : set) {
                // Read as a text is read, so that "can't access" starts with "can't" and "a l'aide" with "a".
                List<Text.Token> words = Text.read(p, p.length()).tokens;
                if (words.size() > 1) out.add(words.get(0).folded());
            }
        }
        return Set.copyOf(out);
    }

    static double points(Text text, double sentiment) {
        List<Text.Token> tokens = text.tokens;
        double strong = 0, weak = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Text.Kind.WORD) continue;
            for (int len = STARTS.contains(tokens.get(i).folded()) ? 3 : 1; len >= 1; len--) {
                String p = phrase(tokens, i, len);
                if (p == null) continue;
                boolean isStrong = STRONG.contains(p);
                if (!isStrong && !WEAK.contains(p)) continue;
                if (!negated(tokens, i)) {
                    if (isStrong) strong = 3;
                    else weak = Math.min(2, weak + 1);
                }
                i += len - 1;
                break;
            }
        }
        double points = strong + weak;
        if (sentiment <= -0.6) points += 1;
        else if (sentiment <= -0.3) points += 0.5;
        if (text.capsWords >= 2 && text.capsWords >= text.lowerWords) points += 1;
        if (text.exclamations >= 2) points += 0.5;
        return points;
    }

    static Triage.Urgency urgency(double points, double sentiment, double spam) {
        if (spam >= 0.7) return Triage.Urgency.LOW;
        if (points >= HIGH_POINTS) return Triage.Urgency.HIGH;
        if (points == 0 && sentiment >= 0.3) return Triage.Urgency.LOW;
        return Triage.Urgency.NORMAL;
    }

    private static String phrase(List<Text.Token> tokens, int i, int len) {
        if (i + len > tokens.size()) return null;
        if (len == 1) return tokens.get(i).folded();
        StringBuilder b = new StringBuilder();
        for (int k = i; k < i + len; k++) {
            Text.Token t = tokens.get(k);
            if (t.kind() != Text.Kind.WORD) return null;
            String f = t.folded();
            // "a l'aide" reads "a", "l'", "aide": no space after an elision.
            if (k > i && b.charAt(b.length() - 1) != '\'') b.append(' ');
            b.append(f);
        }
        return b.toString();
    }

    private static boolean negated(List<Text.Token> tokens, int i) {
        int seen = 0;
        for (int k = i - 1; k >= 0 && seen < 3; k--) {
            Text.Token t = tokens.get(k);
            if (t.kind() == Text.Kind.PUNCT) return false;
            if (t.kind() != Text.Kind.WORD) continue;
            if (NEGATORS.contains(t.folded())) return true;
            seen++;
        }
        return false;
    }
}
