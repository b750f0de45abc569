package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.json.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code electric-schema} of a shape, and the decoding of its values: every value comes as a
 * string (Postgres text form) or null, and is read by its column's type as Electric's own client
 * does ({@code parser.ts}): {@code int2/int4/int8} as {@code Long}, {@code float4/float8} as
 * {@code Double}, {@code bool} ({@code t}/{@code f}, {@code true}/{@code false}) as {@code
 * Boolean}, {@code json/jsonb} as a JSON tree, {@code timestamp} (no zone: UTC, as the TypeScript
 * SDK reads it) and {@code timestamptz} as {@code Instant}, arrays ({@code dims} above 0, literals
 * like {@code {"a","b"}}) as lists; any other type stays a string. A column the schema does not
 * name, and a value that is not a string, are kept as they are.
 */
final class ShapeValues {
  private final Map<String, Column> columns;

  private static final class Column {
    final String type;
    final int dims;

    Column(String type, int dims) {
      this.type = type;
      this.dims = dims;
    }
  }

  private ShapeValues(Map<String, Column> columns) {
    this.columns = columns;
  }

  /**
   * The schema in an {@code electric-schema} header: {@code {"col":{"type":"int4","dims":1}}}.
   *
   * @throws IllegalArgumentException when it is not of that form
   */
  static ShapeValues parse(String header) {
    Object tree = RunFields.json(header);
    if (!(tree instanceof Map)) {
      throw new IllegalArgumentException("the schema is not a JSON object");
    }
    Map<String, Column> columns = new HashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) tree).entrySet()) {
      if (!(e.getValue() instanceof Map)) {
        throw new IllegalArgumentException("a column has no type object");
      }
      Map<?, ?> info = (Map<?, ?>) e.getValue();
      Object type = info.get("type");
      Object dims = info.get("dims");
      if (!(type instanceof String) || (dims != null && !(dims instanceof Number))) {
        throw new IllegalArgumentException("a column has no readable type");
      }
      columns.put((String) e.getKey(), new Column((String) type, dims == null ? 0 : ((Number) dims).intValue()));
    }
    return new ShapeValues(columns);
  }

  /**
   * The value of {@code column}, decoded.
   *
   * @throws IllegalArgumentException when the value does not read as its type; the message names
   *     the type when it is one this class decodes, and never the column or the value (both come
   *     from the server, which may echo anything)
   */
  Object decode(String column, Object value) {
    Column c = columns.get(column);
    if (c == null || !(value instanceof String)) {
      return value;
    }
    try {
      return c.dims > 0 ? new ArrayLiteral((String) value, c.type).read() : scalar(c.type, (String) value);
    } catch (RuntimeException e) {
      String type = DECODED.contains(c.type) ? c.type : "its type";
      throw new IllegalArgumentException(
          c.dims > 0 ? "an array value does not read as " + type + "[]" : "a value does not read as " + type, e);
    }
  }

  private static final java.util.Set<String> DECODED = java.util.Set.of(
      "int2", "int4", "int8", "float4", "float8", "bool", "json", "jsonb", "timestamp", "timestamptz");

  static Object scalar(String type, String text) {
    switch (type) {
      case "int2":
      case "int4":
      case "int8":
        return Long.parseLong(text.trim());
      case "float4":
      case "float8":
        return Double.parseDouble(text.trim());
      case "bool":
        if (text.equals("t") || text.equals("true")) {
          return Boolean.TRUE;
        }
        if (text.equals("f") || text.equals("false")) {
          return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
      case "json":
      case "jsonb":
        return RunFields.json(text);
      case "timestamp":
      case "timestamptz":
        return instant(text);
      default:
        return text;
    }
  }

  /**
   * A timestamp as Postgres ({@code 2025-01-01 10:00:00.123456}, {@code ...+00}) or the realtime
   * server ({@code 2025-01-01T10:00:00.123}) writes it; without a zone it is UTC.
   */
  static Instant instant(String text) {
    String t = text.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    int n = t.length();
    if (n > 3 && (t.charAt(n - 3) == '+' || t.charAt(n - 3) == '-')
        && Character.isDigit(t.charAt(n - 2)) && Character.isDigit(t.charAt(n - 1))) {
      t = t + ":00";
    }
    return Timestamps.parse(t).toInstant();
  }

  /** A Postgres array literal: {@code {a,"b c",NULL,{1,2}}}, with backslash escapes in quotes. */
  private static final class ArrayLiteral {
    private final String s;
    private final String type;
    private int i;

    ArrayLiteral(String s, String type) {
      this.s = s.trim();
      this.type = type;
    }

    List<Object> read() {
      List<Object> out = array();
      if (i != s.length()) {
        throw new IllegalArgumentException("text after the array");
      }
      return out;
    }

    private List<Object> array() {
      expect('{');
      List<Object> items = new ArrayList<>();
      if (peek() == '}') {
        i++;
        return Collections.unmodifiableList(items);
      }
      while (true) {
        items.add(element());
        char c = next();
        if (c == '}') {
          return Collections.unmodifiableList(items);
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or }");
        }
      }
    }

    private Object element() {
      char c = peek();
      if (c == '{') {
        return array();
      }
      if (c == '"') {
        i++;
        StringBuilder b = new StringBuilder();
        while ((c = next()) != '"') {
          b.append(c == '\\' ? next() : c);
        }
        return scalar(type, b.toString());
      }
      int start = i;
      while (peek() != ',' && peek() != '}') {
        i++;
      }
      String raw = s.substring(start, i).trim();
      return raw.equalsIgnoreCase("NULL") ? null : scalar(type, raw);
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected " + c);
      }
    }

    private char peek() {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unterminated array");
      }
      return s.charAt(i);
    }

    private char next() {
      char c = peek();
      i++;
      return c;
    }
  }
}
