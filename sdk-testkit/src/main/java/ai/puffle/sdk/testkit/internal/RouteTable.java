package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches a method and path to a route: the routes of openapi.yaml ({@link SpecRoutes},
 * generated) and the hand-written ones next to them ({@link ExtraRoutes}). A path matches a
 * template when every literal segment is equal; {@code {name}} segments are captured. When
 * several templates match, the one with a literal where the others have a parameter wins, so
 * {@code /api/campaigns/ai-chat-sessions} is never read as a campaign id. A path that matches
 * no template gives 404; a matched path without a route for the method gives 405.
 */
final class RouteTable {
  /** Answers the calls of one route. */
  @FunctionalInterface
  interface Handler {
    WireResponse handle(Call call);
  }

  /** One route: method, path template, operation and handler. Immutable. */
  static final class Entry {
    final String method;
    final String path;
    final Operation operation;
    final Handler handler;
    /** Whether openapi.yaml defines the route (only those are checked against it). */
    final boolean inSpec;
    private final String[] segments;

    private Entry(String method, String path, Operation operation, Handler handler, boolean inSpec) {
      this.method = Objects.requireNonNull(method);
      this.path = Objects.requireNonNull(path);
      this.operation = Objects.requireNonNull(operation);
      this.handler = Objects.requireNonNull(handler);
      this.inSpec = inSpec;
      this.segments = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
    }

    /** A route of an operation in openapi.yaml. */
    static Entry spec(String method, String path, Operation operation, Handler handler) {
      return new Entry(method, path, operation, handler, true);
    }

    /** A route that openapi.yaml does not define. */
    static Entry extra(String method, String path, Operation operation, Handler handler) {
      return new Entry(method, path, operation, handler, false);
    }

    /** The path parameters, or null when the path does not match the template. */
    Map<String, String> match(List<String> path) {
      if (path.size() != segments.length) {
        return null;
      }
      Map<String, String> params = null;
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        if (isParameter(segment)) {
          if (params == null) {
            params = new LinkedHashMap<>(4);
          }
          params.put(segment.substring(1, segment.length() - 1), path.get(i));
        } else if (!segment.equals(path.get(i))) {
          return null;
        }
      }
      return params == null ? Collections.emptyMap() : params;
    }

    /** Negative when this template is more specific: a literal where the other has a parameter. */
    int compareSpecificity(Entry other) {
      for (int i = 0; i < segments.length && i < other.segments.length; i++) {
        boolean mine = isParameter(segments[i]);
        boolean theirs = isParameter(other.segments[i]);
        if (mine != theirs) {
          return mine ? 1 : -1;
        }
      }
      return 0;
    }

    private static boolean isParameter(String segment) {
      return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
  }

  private final List<Entry> entries;

  RouteTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The spec's routes and the extra ones, served by {@code api}'s handlers. */
  static RouteTable of(Api api) {
    List<Entry> entries = new ArrayList<>(SpecRoutes.all(api));
    entries.addAll(ExtraRoutes.all(api));
    return new RouteTable(entries);
  }

  /** Every route, spec routes first. */
  List<Entry> entries() {
    return entries;
  }

  Route match(String method, List<String> segments) {
    // The most specific template that matches the path: its routes are the candidates.
    Entry mostSpecific = null;
    for (Entry entry : entries) {
      if (entry.match(segments) != null
          && (mostSpecific == null || entry.compareSpecificity(mostSpecific) < 0)) {
        mostSpecific = entry;
      }
    }
    if (mostSpecific == null) {
      return Route.notFound();
    }
    for (Entry entry : entries) {
      if (entry.method.equals(method)
          && entry.compareSpecificity(mostSpecific) == 0) {
        Map<String, String> params = entry.match(segments);
        if (params != null) {
          return Route.of(entry, params);
        }
      }
    }
    return Route.methodNotAllowed();
  }
}
