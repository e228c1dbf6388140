package org.tribune.common;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by hyphens, unique within a collection. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    /** Room for a "-NNN" suffix when a generated slug collides. */
    private static final int GENERATED_MAX = MAX_LENGTH - 8;

    private Slugs() {}

    /** "Citoyenneté d'honneur" becomes "citoyennete-d-honneur". Falls back when nothing slug-worthy is left. */
    public static String slugify(String text, String fallback) {
        String s = NON_ALNUM.matcher(Text.fold(text)).replaceAll("-");
        s = trimHyphens(s);
        if (s.length() > GENERATED_MAX) {
            s = s.substring(0, GENERATED_MAX);
            int cut = s.lastIndexOf('-');
            if (cut > GENERATED_MAX / 2) {
                s = s.substring(0, cut);
            }
            s = trimHyphens(s);
        }
        return s.isEmpty() ? fallback : s;
    }

    /**
     * The slug a write ends with: the one the client asked for (409 if another resource of the same kind has it),
     * else the current one, so that links survive a change of title, else one made from the title.
     *
     * @param kind how the 409 names the other resource, such as "post"
     * @param taken whether another resource of the kind uses a slug
     */
    public static String choose(
            String requested, String current, String title, String fallback, String kind, Predicate<String> taken) {
        if (requested == null) {
            return current != null ? current : firstFree(slugify(title, fallback), taken);
        }
        if (!requested.equals(current) && taken.test(requested)) {
            throw ApiException.conflict("The slug '" + requested + "' is already used by another " + kind + ".");
        }
        return requested;
    }

    /** The base itself if free, else base-2, base-3... */
    public static String firstFree(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
