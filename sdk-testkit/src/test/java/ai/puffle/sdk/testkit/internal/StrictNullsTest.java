package ai.puffle.sdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code nullable} as OpenAPI 3.0.3 defines it: it adds {@code null} to the type only, so a
 * nullable enum admits {@code null} only when it lists it. The validator's own reading is
 * lenient there, which is why the contract check replaces it.
 */
class StrictNullsTest {
  private static final String SPEC = String.join("\n",
      "openapi: 3.0.3",
      "info: {title: nulls, version: '1'}",
      "paths:",
      "  /things:",
      "    get:",
      "      operationId: getThing",
      "      responses:",
      "        '200':",
      "          description: A thing.",
      "          content:",
      "            application/json:",
      "              schema:",
      "                type: object",
      "                properties:",
      "                  unlisted: {type: string, nullable: true, enum: [a, b]}",
      "                  listed: {type: string, nullable: true, enum: [a, b, null]}",
      "                  text: {type: string, nullable: true}",
      "                  plain: {type: string}",
      "");

  private final ContractValidator strict = ContractValidator.forSpec(SPEC);

  private List<String> check(String body) {
    return strict.response("getThing", "GET", "/things", 200, "application/json", body);
  }

  @Test
  void nullIsAllowedWhereTheTypeIsNullable() {
    assertEquals(List.of(), check("{\"text\": null, \"listed\": null}"));
    assertEquals(List.of(), check("{\"unlisted\": \"a\", \"listed\": \"b\", \"plain\": \"x\"}"));
  }

  @Test
  void aNullableEnumThatDoesNotListNullRejectsNull() {
    List<String> violations = check("{\"unlisted\": null}");
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).startsWith("getThing response 200 (GET /things) at /unlisted: "
        + "Instance value (null) not found in enum"), violations.get(0));
  }

  @Test
  void nullIsRejectedWhereNothingAllowsIt() {
    List<String> violations = check("{\"plain\": null}");
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("at /plain: Instance type (null)"), violations.get(0));
  }

  @Test
  void theValidatorsOwnReadingWouldLetTheUnlistedNullThrough() {
    assertTrue(
        OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build()
            .validateResponse("/things", Request.Method.GET,
                SimpleResponse.Builder.ok()
                    .withContentType("application/json")
                    .withBody("{\"unlisted\": null}")
                    .build())
            .getMessages().isEmpty());
  }
}
