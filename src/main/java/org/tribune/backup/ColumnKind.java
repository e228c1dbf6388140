package org.tribune.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * The column types Tribune's schema uses, with one JSON form each that reads the same on H2 and PostgreSQL:
 * UUIDs and dates as their canonical text, timestamps as UTC instants, numbers and booleans as JSON's own.
 */
enum ColumnKind {
    UUID_TEXT("uuid"),
    TEXT("text"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    BIGINT("bigint"),
    DOUBLE("double"),
    DATE("date"),
    TIMESTAMP("timestamp");

    private final String label;

    ColumnKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static ColumnKind ofLabel(String label) {
        for (ColumnKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

    /** The kind of a column as the JDBC driver reports it; a type the schema does not use is a bug here. */
    static ColumnKind of(String table, String column, int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return UUID_TEXT;
        }
        if (name.equals("timestamptz") || sqlType == Types.TIMESTAMP_WITH_TIMEZONE) {
            return TIMESTAMP;
        }
        return switch (sqlType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB -> TEXT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.INTEGER, Types.SMALLINT -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.DATE -> DATE;
            default ->
                throw new IllegalStateException(
                        "The backup does not know the type " + typeName + " of " + table + "." + column);
        };
    }

    void write(ResultSet rs, int index, JsonGenerator out) throws SQLException, IOException {
        switch (this) {
            case UUID_TEXT -> {
                UUID value = rs.getObject(index, UUID.class);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value.toString());
                }
            }
            case TEXT -> out.writeString(rs.getString(index));
            case BOOLEAN -> {
                boolean value = rs.getBoolean(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeBoolean(value);
                }
            }
            case INTEGER, BIGINT -> {
                long value = rs.getLong(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
            case DOUBLE -> {
                double value = rs.getDouble(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
            case DATE -> {
                LocalDate value = rs.getObject(index, LocalDate.class);
                out.writeString(value == null ? null : value.toString());
            }
            case TIMESTAMP -> {
                OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
                out.writeString(value == null ? null : value.toInstant().toString());
            }
        }
    }

    /** The value to bind for a JSON value of the archive, or null for SQL NULL. */
    Object parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            switch (this) {
                case UUID_TEXT -> {
                    UUID id = UUID.fromString(value.textValue());
                    if (id.toString().equals(value.textValue())) {
                        return id;
                    }
                }
                case TEXT -> {
                    if (value.isTextual()) {
                        return value.textValue();
                    }
                }
                case BOOLEAN -> {
                    if (value.isBoolean()) {
                        return value.booleanValue();
                    }
                }
                case INTEGER -> {
                    if (value.isInt()) {
                        return value.intValue();
                    }
                }
                case BIGINT -> {
                    if (value.isIntegralNumber() && value.canConvertToLong()) {
                        return value.longValue();
                    }
                }
                case DOUBLE -> {
                    if (value.isNumber()) {
                        return value.doubleValue();
                    }
                }
                case DATE -> {
                    return LocalDate.parse(value.textValue());
                }
                case TIMESTAMP -> {
                    return OffsetDateTime.ofInstant(Instant.parse(value.textValue()), ZoneOffset.UTC);
                }
            }
        } catch (RuntimeException e) {
            // NullPointerException for a non-text value, DateTimeParseException, IllegalArgumentException
        }
        throw new IllegalArgumentException("not a " + label);
    }
}
