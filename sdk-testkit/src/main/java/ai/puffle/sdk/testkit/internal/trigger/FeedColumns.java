package ai.puffle.sdk.testkit.internal.trigger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TaskRun columns of the realtime feed ({@code DEFAULT_ELECTRIC_COLUMNS}), their Postgres
 * types for the {@code electric-schema} header, and how a value travels: every value is a string
 * or null, decoded by the client from its schema type.
 */
final class FeedColumns {
  /** Postgres types as Electric names them in {@code electric-schema}. */
  enum Type {
    TEXT("text"),
    TIMESTAMP("timestamp"),
    INT4("int4"),
    FLOAT8("float8"),
    BOOL("bool"),
    JSONB("jsonb");

    final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }
  }

  /** One column: name, type and array dimensions (1 for {@code text[]}). */
  static final class Column {
    final String name;
    final Type type;
    final int dims;

    Column(String name, Type type, int dims) {
      this.name = name;
      this.type = type;
      this.dims = dims;
    }
  }

  static final List<Column> COLUMNS = List.of(
      column("id", Type.TEXT),
      column("taskIdentifier", Type.TEXT),
      column("createdAt", Type.TIMESTAMP),
      column("updatedAt", Type.TIMESTAMP),
      column("startedAt", Type.TIMESTAMP),
      column("delayUntil", Type.TIMESTAMP),
      column("queuedAt", Type.TIMESTAMP),
      column("expiredAt", Type.TIMESTAMP),
      column("completedAt", Type.TIMESTAMP),
      column("friendlyId", Type.TEXT),
      column("number", Type.INT4),
      column("isTest", Type.BOOL),
      column("status", Type.TEXT),
      column("usageDurationMs", Type.INT4),
      column("costInCents", Type.FLOAT8),
      column("baseCostInCents", Type.FLOAT8),
      column("ttl", Type.TEXT),
      column("payload", Type.TEXT),
      column("payloadType", Type.TEXT),
      column("metadata", Type.TEXT),
      column("metadataType", Type.TEXT),
      column("output", Type.TEXT),
      column("outputType", Type.TEXT),
      new Column("runTags", Type.TEXT, 1),
      column("error", Type.JSONB),
      // Stream keys of the run; streams (GET /realtime/v1/streams/{runId}/{key}) list theirs here.
      new Column("realtimeStreams", Type.TEXT, 1));

  /** Columns that skipColumns cannot drop. */
  static final Set<String> RESERVED =
      Set.of("id", "taskIdentifier", "friendlyId", "status", "createdAt");

  /** Timestamps without a zone (UTC), as the SDK expects: it appends the Z itself. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private FeedColumns() {}

  private static Column column(String name, Type type) {
    return new Column(name, type, 0);
  }

  /** The columns a {@code skipColumns} query parameter drops (reserved ones and blanks ignored). */
  static Set<String> skipped(String skipColumns) {
    Set<String> skip = new LinkedHashSet<>();
    if (skipColumns != null) {
      for (String name : skipColumns.split(",")) {
        String trimmed = name.trim();
        if (!trimmed.isEmpty() && !RESERVED.contains(trimmed)) {
          skip.add(trimmed);
        }
      }
    }
    return skip;
  }

  /** The {@code electric-schema} header, {@code {"id":{"type":"text"},...}}, less skipped ones. */
  static Map<String, Object> schema(Set<String> skip) {
    Map<String, Object> schema = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      if (!skip.contains(c.name)) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("type", c.type.wireName);
        if (c.dims > 0) {
          type.put("dims", c.dims);
        }
        schema.put(c.name, type);
      }
    }
    return schema;
  }

  /**
   * A message value: the given typed values (a whole row or one change) as wire strings, in
   * column order, without skipped columns; {@code id} always comes first.
   */
  static Map<String, String> encode(
      Map<String, Object> typed, Set<String> skip, String apiVersion, TriggerJson json) {
    Map<String, String> value = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      if (typed.containsKey(c.name) && !skip.contains(c.name)) {
        value.put(c.name, encode(c, typed.get(c.name), apiVersion, json));
      }
    }
    return value;
  }

  private static String encode(Column c, Object v, String apiVersion, TriggerJson json) {
    if (v == null) {
      return null;
    }
    if (c.dims > 0) {
      return arrayLiteral((List<?>) v);
    }
    if (v instanceof RunStatus) {
      return ((RunStatus) v).feedName(apiVersion);
    }
    switch (c.type) {
      case TIMESTAMP:
        return TIMESTAMP.format((Instant) v);
      case BOOL:
        return Boolean.TRUE.equals(v) ? "t" : "f";
      case JSONB:
        return json.write(v);
      default:
        return v.toString();
    }
  }

  /** A Postgres array literal: {@code {"a","b"}}, {@code {}} when empty. */
  static String arrayLiteral(List<?> values) {
    StringBuilder text = new StringBuilder("{");
    for (Object value : values) {
      if (text.length() > 1) {
        text.append(',');
      }
      String s = String.valueOf(value);
      text.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return text.append('}').toString();
  }
}
