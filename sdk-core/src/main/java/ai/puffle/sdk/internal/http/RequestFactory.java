package ai.puffle.sdk.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds {@link ApiRequest}s for the generated endpoint classes: resolves the path template
 * against the base URL, encodes path and query values, and encodes the JSON body once.
 */
public final class RequestFactory {
  /** The media type of every request body. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl baseUrl;
  private final List<String> basePath;
  private final Moshi moshi;
  /** Per operation, its path template worked out once: a request only adds its parameters. */
  private final Map<Endpoint, PathTemplate> templates = new ConcurrentHashMap<>();
  /** Response adapters by type, looked up once (Moshi's own cache takes a lock per lookup). */
  private final Map<Type, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  /** A factory resolving against {@code baseUrl} (any path it has is kept as a prefix). */
  public RequestFactory(HttpUrl baseUrl, Moshi moshi) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.moshi = Objects.requireNonNull(moshi, "moshi");
    List<String> segments = new ArrayList<>(baseUrl.pathSegments());
    segments.removeIf(String::isEmpty);
    this.basePath = List.copyOf(segments);
  }

  /** Starts a request for the operation {@code endpoint}; {@code responseType} is the success body's type. */
  public <T> Builder<T> newRequest(Endpoint endpoint, Type responseType) {
    return new Builder<>(endpoint, responseType);
  }

  /** Collects the path, query and body of one request. */
  public final class Builder<T> {
    private final Endpoint endpoint;
    private final Type responseType;
    private final List<String[]> pathParams = new ArrayList<>(2);
    private final List<String[]> queryParams = new ArrayList<>(2);
    private Object body;

    private Builder(Endpoint endpoint, Type responseType) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.responseType = responseType;
    }

    /**
     * Fills the {@code {name}} segment of the path template (percent-encoded). An empty value, or
     * {@code .} or {@code ..}, is refused: it would change which resource the path names.
     */
    public Builder<T> path(String name, Object value) {
      Objects.requireNonNull(value, name);
      String text = String.valueOf(value);
      if (text.isEmpty() || text.equals(".") || text.equals("..")) {
        throw new IllegalArgumentException(
            "path parameter " + name + " must not be empty, '.' or '..'");
      }
      pathParams.add(new String[] {name, text});
      return this;
    }

    /** Adds a query parameter; a {@code null} value is left out. */
    public Builder<T> query(String name, Object value) {
      if (value != null) {
        queryParams.add(new String[] {name, String.valueOf(value)});
      }
      return this;
    }

    /** The JSON body. */
    public Builder<T> body(Object value) {
      this.body = value;
      return this;
    }

    /** The prepared request. */
    @SuppressWarnings("unchecked")
    public ApiRequest<T> build() {
      PathTemplate template = templates.computeIfAbsent(endpoint, PathTemplate::new);
      HttpUrl.Builder url = template.prefix.newBuilder();
      for (String segment : template.rest) {
        url.addPathSegment(expand(segment));
      }
      for (String[] q : queryParams) {
        url.addQueryParameter(q[0], q[1]);
      }
      String method = endpoint.method();
      RequestBody requestBody = null;
      if (body != null) {
        JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(body.getClass());
        requestBody = RequestBody.create(adapter.toJson(body), JSON);
      } else if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
        requestBody = RequestBody.create("{}", JSON);
      }
      Request request =
          new Request.Builder()
              .url(url.build())
              .method(method, requestBody)
              .header("Accept", "application/json")
              .build();
      JsonAdapter<T> adapter = responseType == Void.class
          ? null : (JsonAdapter<T>) adapters.computeIfAbsent(responseType, moshi::adapter);
      return new ApiRequest<>(endpoint, request, adapter);
    }

    private String expand(String segment) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        for (String[] p : pathParams) {
          if (p[0].equals(name)) {
            return p[1];
          }
        }
        throw new IllegalStateException("no value for path parameter " + name);
      }
      return segment;
    }
  }

  /**
   * An operation's path against the base URL: the URL up to its first parameter, built and
   * checked once, and the segments after it, which a request expands.
   */
  private final class PathTemplate {
    final HttpUrl prefix;
    final List<String> rest = new ArrayList<>();

    PathTemplate(Endpoint endpoint) {
      HttpUrl.Builder url = baseUrl.newBuilder().encodedPath("/").query(null);
      for (String segment : basePath) {
        url.addPathSegment(segment);
      }
      boolean literal = true;
      for (String segment : endpoint.pathTemplate().split("/")) {
        if (segment.isEmpty()) {
          continue;
        }
        literal &= !segment.startsWith("{");
        if (literal) {
          url.addPathSegment(segment);
        } else {
          rest.add(segment);
        }
      }
      this.prefix = url.build();
    }
  }
}
