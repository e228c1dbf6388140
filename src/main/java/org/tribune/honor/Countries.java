package org.tribune.honor;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tribune.common.FieldError;

/** ISO 3166-1 alpha-2 codes, as the JDK knows them. */
final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {}

    /** The upper-case code, or null when absent; a bad code is reported under the field. */
    static String check(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!CODES.contains(code)) {
            errors.add(new FieldError(field, "must be an ISO 3166-1 alpha-2 country code such as FR, IR or HU"));
        }
        return code;
    }
}
