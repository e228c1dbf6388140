package org.tribune.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.tribune.common.ApiException;

/**
 * Where a page ends in its list's sort order: the sort values of its last item and that item's id, for keyset paging
 * ({@link SortOrder#keysetHql}). Opaque to clients; it also names the sort it was made for, so that a cursor from
 * one order is refused in another rather than silently skipping items.
 */
public record Cursor(String sort, List<Object> values) {

    public static final String PARAMETER = "after";
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\u001f';

    public String encode() {
        StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(sort);
        for (Object value : values) {
            text.append(SEPARATOR).append(typed(value));
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, checked against the sort it is used with. */
    public static Cursor decode(String raw, SortOrder sort) {
        return decode(
                raw,
                sort.spec(),
                sort.keys().size() + 1,
                madeFor -> "was made for sort=" + madeFor + ", not sort=" + sort.spec()
                        + ": keep the sort of the page it came from, or start again without it");
    }

    /**
     * A cursor of positions of another kind than a sort's (the changes feed's), checked against that kind: it must
     * hold {@code size} values, the last an id; {@code otherKind} says what is wrong with one made for another.
     */
    public static Cursor decode(String raw, String kind, int size, Function<String, String> otherKind) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length < 3 || !parts[0].equals(VERSION)) {
            throw malformed();
        }
        if (!parts[1].equals(kind)) {
            throw ApiException.invalid(PARAMETER, otherKind.apply(parts[1]));
        }
        if (parts.length != size + 2) {
            throw malformed();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            values.add(parse(parts[i]));
        }
        if (!(values.get(values.size() - 1) instanceof UUID)) {
            throw malformed();
        }
        return new Cursor(kind, Collections.unmodifiableList(values));
    }

    private static String typed(Object value) {
        if (value == null) {
            return "n";
        } else if (value instanceof Instant i) {
            return "t" + i;
        } else if (value instanceof LocalDate d) {
            return "d" + d;
        } else if (value instanceof UUID u) {
            return "u" + u;
        } else if (value instanceof Long l) {
            return "l" + l;
        } else if (value instanceof Integer n) {
            return "i" + n;
        } else if (value instanceof String s) {
            return "s" + s;
        }
        throw new IllegalArgumentException("A cursor cannot hold a " + value);
    }

    private static Object parse(String part) {
        if (part.isEmpty()) {
            throw malformed();
        }
        String v = part.substring(1);
        try {
            return switch (part.charAt(0)) {
                case 't' -> Instant.parse(v);
                case 'd' -> LocalDate.parse(v);
                case 'u' -> UUID.fromString(v);
                case 'l' -> Long.parseLong(v);
                case 'i' -> Integer.parseInt(v);
                case 's' -> v;
                case 'n' -> null;
                default -> throw malformed();
            };
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.invalid(
                PARAMETER, "is not a cursor this list gave: pass the `next` value of the previous page unchanged");
    }

    /** The value at {@code index}, of the type its position holds. */
    public <T> T value(int index, Class<T> type) {
        Object value = values.get(index);
        if (!type.isInstance(value)) {
            throw malformed();
        }
        return type.cast(value);
    }
}
