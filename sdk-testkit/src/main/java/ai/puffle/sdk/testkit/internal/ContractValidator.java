package ai.puffle.sdk.testkit.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Checks requests and responses against openapi.yaml (a copy on the class path, next to this
 * class) with Atlassian's swagger-request-validator, reading {@code nullable} strictly
 * ({@link StrictNulls}). The only class of the testkit that uses the validator, an optional
 * dependency: it is loaded only when the check is on. One instance per class loader, since
 * parsing the spec takes a while; thread-safe.
 */
final class ContractValidator {
  private static final String SPEC = "openapi.yaml";
  private static final int KEPT_LIMIT = 512;
  /** The validator starts schema messages with the pointer, which {@link #describe} shows. */
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\] ");
  private static ContractValidator shared;

  private final OpenApiInteractionValidator validator;
  /**
   * The latest messages that kept the contract, by their full text: a poll that gets the same
   * session again and again is checked once. Validation is deterministic, so this changes no
   * outcome.
   */
  private final Set<String> kept = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<String, Boolean>(KEPT_LIMIT, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > KEPT_LIMIT;
        }
      }));

  private ContractValidator(String spec) {
    this.validator =
        OpenApiInteractionValidator.createFor(parse(spec))
            .withSchemaFactorySupplier(StrictNulls::schemaFactory)
            .withLevelResolver(LevelResolver.create()
                // Unknown keys are allowed, as the spec says: no schema closes an object
                // (the validator would reject them by default).
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.parameter.query.unexpected",
                    ValidationReport.Level.IGNORE)
                .build())
            .build();
  }

  /**
   * The spec as the validator reads it (references resolved), with the top-level
   * {@code security} copied onto every operation that states none, as OpenAPI defines it: the
   * validator reads only an operation's own.
   */
  private static OpenAPI parse(String spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(false);
    OpenAPI api =
        new OpenApiLoader()
            .loadApi(OpenApiInteractionValidator.SpecSource.inline(spec), List.of(), options);
    if (api.getSecurity() != null && api.getPaths() != null) {
      for (PathItem path : api.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          if (operation.getSecurity() == null) {
            operation.setSecurity(api.getSecurity());
          }
        }
      }
    }
    return api;
  }

  /**
   * The validator for the bundled openapi.yaml.
   *
   * @throws IllegalStateException when swagger-request-validator-core is not on the class path
   */
  static synchronized ContractValidator shared() {
    if (shared == null) {
      shared = new ContractValidator(readSpec());
    }
    return shared;
  }

  /** A validator for another spec text (for tests of the check itself). */
  static ContractValidator forSpec(String spec) {
    return new ContractValidator(spec);
  }

  /** Every way the request breaks the contract; empty when it keeps it. */
  List<String> request(String operationId, String method, HttpUrl url, Headers headers, String body) {
    String key = method + ' ' + url + '\n' + headers.get("Authorization") + '\n'
        + headers.get("Content-Type") + '\n' + body;
    if (kept.contains(key)) {
      return List.of();
    }
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, url.encodedPath());
    for (String name : headers.names()) {
      request.withHeader(name, headers.values(name));
    }
    for (String name : url.queryParameterNames()) {
      List<String> values = new ArrayList<>();
      for (String value : url.queryParameterValues(name)) {
        values.add(value == null ? "" : value);
      }
      request.withQueryParam(name, values);
    }
    if (body != null && !body.isEmpty()) {
      request.withBody(body);
    }
    ValidationReport report = validator.validateRequest(request.build());
    return remember(key,
        describe(report, operationId + " request (" + method + " " + url.encodedPath() + ")"));
  }

  /** Every way the response breaks the contract; empty when it keeps it. */
  List<String> response(
      String operationId, String method, String path, int status, String contentType, String body) {
    String key = method + ' ' + path + '\n' + status + '\n' + contentType + '\n' + body;
    if (kept.contains(key)) {
      return List.of();
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(
            path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
    return remember(key,
        describe(report, operationId + " response " + status + " (" + method + " " + path + ")"));
  }

  /** Remembers a message that kept the contract, so that its repeats are not checked again. */
  private List<String> remember(String key, List<String> violations) {
    if (violations.isEmpty()) {
      kept.add(key);
    }
    return violations;
  }

  /**
   * One line per error: what (operation, request or response), where (the parameter, or the
   * JSON pointer into the body), the rule broken and the validator's key for it.
   */
  private static List<String> describe(ValidationReport report, String what) {
    List<String> lines = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      Optional<ValidationReport.MessageContext> context = message.getContext();
      String where =
          context.flatMap(ValidationReport.MessageContext::getParameter)
              .map(p -> " at " + p.getIn() + " parameter '" + p.getName() + "'")
              .orElseGet(() -> context.flatMap(ValidationReport.MessageContext::getPointers)
                  .map(ValidationReport.MessageContext.Pointers::getInstance)
                  .map(p -> " at " + (p.isEmpty() ? "/" : p))
                  .orElse(""));
      String rule = PATH_PREFIX.matcher(message.getMessage()).replaceFirst("");
      lines.add(what + where + ": " + rule + " [" + message.getKey() + "]");
    }
    return lines;
  }

  private static String readSpec() {
    try (InputStream in = ContractValidator.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the testkit's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the testkit's openapi.yaml", e);
    }
  }
}
