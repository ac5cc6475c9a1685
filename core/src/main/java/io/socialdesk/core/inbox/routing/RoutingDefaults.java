package io.socialdesk.core.inbox.routing;

import io.socialdesk.core.inbox.Route;
import java.util.List;

/**
 * The rules Social Desk ships, used until an admin saves their own: English and French keywords for legal, HR,
 * support and sales, in that order (a refund demand that mentions a lawyer goes to Legal first; a harassment
 * complaint to HR before Support), and the rest to Community. The projects are the server's department queues;
 * in Jira an admin maps each to a project key by editing the rules.
 */
public final class RoutingDefaults {
    public static final String SUPPORT = "SUPPORT";
    public static final String LEGAL = "LEGAL";
    public static final String HR = "HR";
    public static final String SALES = "SALES";
    public static final String COMMUNITY = "COMMUNITY";

    /** The departments' queues, in the order the shipped rules try them, then the default. */
    public static final List<String> PROJECTS = List.of(LEGAL, HR, SUPPORT, SALES, COMMUNITY);

    public static final List<String> LEGAL_WORDS = List.of("lawyer", "lawyers", "attorney", "lawsuit", "sue", "suing", "legal action",
            "court", "GDPR", "data protection", "personal data", "defamation", "cease and desist", "avocat", "avocats", "plainte",
            "porter plainte", "RGPD", "CNIL", "mise en demeure", "tribunal", "proc\u00e8s", "diffamation", "donn\u00e9es personnelles",
            "action en justice");
    public static final List<String> HR_WORDS = List.of("job", "jobs", "hiring", "career", "careers", "vacancy", "internship",
            "job offer", "resume", "harassment", "harassed", "discrimination", "work for you", "candidature", "recrutement", "recrutez",
            "emploi", "offre d'emploi", "stage", "alternance", "harc\u00e8lement", "harcel\u00e9", "CV");
    public static final List<String> SUPPORT_WORDS = List.of("problem", "problems", "refund", "refunds", "broken", "not working",
            "doesn't work", "does not work", "stopped working", "error", "bug", "crash", "crashes", "outage", "never arrived", "my order",
            "complaint", "can't log in", "cannot log in", "ne marche pas", "ne marche plus", "ne fonctionne pas", "ne fonctionne plus",
            "remboursement", "rembourser", "remboursez", "panne", "en panne", "probl\u00e8me", "probl\u00e8mes", "erreur", "cass\u00e9",
            "ma commande", "jamais re\u00e7u", "r\u00e9clamation", "bloqu\u00e9");
    public static final List<String> SALES_WORDS = List.of("price", "prices", "pricing", "quote", "quotation", "how much", "discount",
            "buy", "purchase", "demo", "trial", "license", "licence", "devis", "tarif", "tarifs", "prix", "combien", "acheter", "achat",
            "abonnement", "remise");

    private RoutingDefaults() {}

    /** The shipped rules: version 0, saved by nobody. */
    public static RoutingRules rules() {
        return new RoutingRules(0, List.of(
                rule("legal", "Legal: lawyers, lawsuits, personal data", LEGAL_WORDS, new Route(LEGAL, null, null, null, "High", List.of("social"), null)),
                rule("hr", "HR: jobs, hiring, harassment", HR_WORDS, new Route(HR, null, null, null, null, List.of("social"), null)),
                rule("support", "Support: problems, refunds, outages", SUPPORT_WORDS, new Route(SUPPORT, null, null, null, null, List.of("social"), null)),
                rule("sales", "Sales: prices, quotes", SALES_WORDS, new Route(SALES, null, null, null, null, List.of("social"), null))),
                new Route(COMMUNITY, null, null, null, null, List.of("social"), null), null, null);
    }

    private static RoutingRule rule(String id, String name, List<String> words, Route route) {
        return new RoutingRule(id, name, true, Conditions.NONE.withKeywords(words), route);
    }
}
