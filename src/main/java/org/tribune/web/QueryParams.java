package org.tribune.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;

/** Parsing of query parameters into 400s that name the parameter. */
public final class QueryParams {

    private QueryParams() {}

    static int parseInt(String name, String raw, int dflt, int min, int max, List<FieldError> errors) {
        if (raw == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
                return dflt;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be an integer"));
            return dflt;
        }
    }

    /** An integer in [min, max], or null when absent. */
    public static Integer integer(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        int v = parseInt(name, raw, 0, min, max, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return v;
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID");
        }
    }

    /** Accepts a full ISO-8601 instant or a plain date, which means the start of that day in UTC. */
    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(
                    name, "must be a date (YYYY-MM-DD) or an ISO-8601 timestamp such as 2025-06-28T14:00:00Z");
        }
    }

    public static String text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        if (v.length() > maxLength) {
            throw ApiException.invalid(name, "must be at most " + maxLength + " characters");
        }
        return v;
    }

    /** A repeatable parameter's values, trimmed, without blanks or repeats, in the order given. */
    public static List<String> values(List<String> raw) {
        return raw == null
                ? List.of()
                : raw.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }

    public static boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    /** One of an enum's constants, whose names are the wire values; null when absent. */
    public static <E extends Enum<E>> E oneOf(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(raw.trim())) {
                return e;
            }
        }
        List<String> names =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw ApiException.invalid(name, "must be one of " + String.join(", ", names));
    }
}
