package ai.puffle.sdk.testkit.internal;

import com.atlassian.oai.validator.schema.SwaggerV20Library;
import com.atlassian.oai.validator.schema.keyword.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jackson.NodeType;
import com.github.fge.jackson.jsonpointer.JsonPointer;
import com.github.fge.jsonschema.cfg.ValidationConfiguration;
import com.github.fge.jsonschema.core.keyword.syntax.checkers.AbstractSyntaxChecker;
import com.github.fge.jsonschema.core.report.ListReportProvider;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.core.tree.SchemaTree;
import com.github.fge.jsonschema.keyword.digest.AbstractDigester;
import com.github.fge.jsonschema.library.Keyword;
import com.github.fge.jsonschema.library.Library;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.github.fge.msgsimple.bundle.MessageBundle;
import com.github.fge.msgsimple.load.MessageBundles;
import java.util.Collection;

/**
 * The JSON-schema engine of the contract check, with {@code nullable} read strictly, as
 * OpenAPI 3.0.3 defines it: {@code nullable: true} adds {@code null} to the schema's
 * {@code type} and to nothing else, so an {@code enum} admits {@code null} only when it lists
 * it. (The validator's own reading also adds {@code null} to every nullable enum, which hides a
 * spec that strict validators such as ajv reject.) Everything else is the validator's default.
 */
final class StrictNulls {
  private static final String KEYWORD = "nullable";
  private static final String TYPE = "type";

  private StrictNulls() {}

  /** A schema factory like the validator's default, with the strict {@code nullable}. */
  static JsonSchemaFactory schemaFactory() {
    Keyword nullable =
        Keyword.newBuilder(KEYWORD)
            .withSyntaxChecker(new SyntaxChecker())
            .withDigester(new TypeWidening())
            .withValidatorClass(Nullable.NullableKeywordValidator.class)
            .freeze();
    Library library =
        SwaggerV20Library.get().thaw().removeKeyword(KEYWORD).addKeyword(nullable).freeze();
    return JsonSchemaFactory.newBuilder()
        .setValidationConfiguration(
            ValidationConfiguration.newBuilder()
                .setDefaultLibrary(SwaggerV20Library.OAI_V2_METASCHEMA_URI, library)
                .setSyntaxMessages(MessageBundles.getBundle(SwaggerV20Library.SyntaxBundle.class))
                .setValidationMessages(
                    MessageBundles.getBundle(SwaggerV20Library.ValidationBundle.class))
                .freeze())
        .setReportProvider(new ListReportProvider(LogLevel.ERROR, LogLevel.FATAL))
        .freeze();
  }

  /** Adds {@code "null"} to the {@code type} of every nullable schema that states a type. */
  private static final class TypeWidening extends AbstractDigester {
    TypeWidening() {
      super(KEYWORD, NodeType.OBJECT, NodeType.values());
    }

    @Override
    public JsonNode digest(JsonNode schema) {
      String nullType = NodeType.NULL.toString();
      for (JsonNode node : schema.findParents(TYPE)) {
        if (!node.path(KEYWORD).asBoolean(false)) {
          continue;
        }
        JsonNode type = node.get(TYPE);
        if (type.isTextual() && !nullType.equals(type.asText())) {
          ((ObjectNode) node).putArray(TYPE).add(nullType).add(type);
        } else if (type.isArray() && !contains((ArrayNode) type, nullType)) {
          ((ArrayNode) type).add(nullType);
        }
      }
      return schema;
    }

    private static boolean contains(ArrayNode types, String name) {
      for (JsonNode type : types) {
        if (name.equals(type.asText())) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code nullable} must be a boolean. */
  private static final class SyntaxChecker extends AbstractSyntaxChecker {
    SyntaxChecker() {
      super(KEYWORD, NodeType.BOOLEAN);
    }

    @Override
    protected void checkValue(
        Collection<JsonPointer> pointers,
        MessageBundle bundle,
        ProcessingReport report,
        SchemaTree tree) {
      // The type check above is all there is to check.
    }
  }
}
