package org.tribune.fulltext;

import java.util.Locale;

/**
 * The languages whose words are reduced to their stems; any other is analysed by a neutral analyser that only
 * ignores case and accents. A post's {@code lang} picks one; things without a language are French, the site's.
 */
public enum SearchLanguage {
    fr("tribune_fr"),
    en("tribune_en"),
    neutral("tribune_simple");

    /** The PostgreSQL text search configuration (migration V14). */
    public final String postgresConfig;

    SearchLanguage(String postgresConfig) {
        this.postgresConfig = postgresConfig;
    }

    public static SearchLanguage of(String lang) {
        if (lang == null || lang.isBlank()) {
            return fr;
        }
        String primary = lang.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return switch (primary) {
            case "fr" -> fr;
            case "en" -> en;
            default -> neutral;
        };
    }
}
