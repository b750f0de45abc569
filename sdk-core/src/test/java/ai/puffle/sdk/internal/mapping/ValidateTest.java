package ai.puffle.sdk.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "8C2B2D4E-E29B-41D4-A716-446655440000",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"
      })
  void acceptsDocumentedUuids(String value) {
    assertEquals(value, Validate.uuid("sessionId", value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-uuid",
        "d1d1d1d1-1111-1111-1111-111111111111",
        "3c90c3cc-0d44-0b50-8888-8dd25736052a",
        "3c90c3cc-0d44-9b50-8888-8dd25736052a",
        "3c90c3cc0d444b5088888dd25736052a",
        " 3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a\n",
        "{3c90c3cc-0d44-4b50-8888-8dd25736052a}"
      })
  void rejectsOtherStrings(String value) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Validate.uuid("sessionId", value));
    assertEquals("sessionId", e.field());
    assertEquals("must be a UUID", e.rule());
    assertTrue(e.getMessage().startsWith("sessionId must be a UUID (got \""));
  }

  @Test
  void uuidRejectsNullAndCutsLongValues() {
    assertEquals(
        "must not be null",
        assertThrows(InvalidInputException.class, () -> Validate.uuid("campaignId", null)).rule());
    String message =
        assertThrows(InvalidInputException.class, () -> Validate.uuid("id", "x".repeat(500)))
            .getMessage();
    assertTrue(message.length() < 120, message);
  }

  @Test
  void textRules() {
    assertEquals(" a ", Validate.notBlank("f", " a "));
    assertEquals(" ", Validate.notEmpty("f", " "));
    assertEquals(
        "must not be empty",
        assertThrows(InvalidInputException.class, () -> Validate.notEmpty("f", "")).rule());
    assertEquals(
        "must not be blank",
        assertThrows(InvalidInputException.class, () -> Validate.notBlank("f", "\u2003 \t\n"))
            .rule());
    assertEquals(null, Validate.text("f", null));
    assertEquals(
        "must have at most 3 characters",
        assertThrows(InvalidInputException.class, () -> Validate.maxLength("f", "abcd", 3))
            .rule());
  }

  @Test
  void listRules() {
    assertEquals(List.of("a"), Validate.list("f", List.of("a"), 1));
    InvalidInputException tooMany =
        assertThrows(InvalidInputException.class, () -> Validate.list("f", List.of(1, 2), 1));
    assertEquals("f must have at most 1 items (got 2)", tooMany.getMessage());
    assertEquals(
        "f[1]",
        assertThrows(
                InvalidInputException.class, () -> Validate.list("f", Arrays.asList(1, null), 5))
            .field());
    assertThrows(
        UnsupportedOperationException.class, () -> Validate.list("f", List.of(1), 1).add(2));
  }

  @Test
  void requestLevelIdsAreChecked() {
    assertEquals(
        "campaignId",
        assertThrows(InvalidInputException.class, () -> RequestMapping.createSession("c", "n"))
            .field());
    assertEquals(
        "nodeId",
        assertThrows(
                InvalidInputException.class,
                () -> RequestMapping.createSession("3c90c3cc-0d44-4b50-8888-8dd25736052a", "n"))
            .field());
    assertEquals(
        "prospectIds[0]",
        assertThrows(
                InvalidInputException.class,
                () -> RequestMapping.generateAi("3c90c3cc-0d44-4b50-8888-8dd25736052a", List.of(" ")))
            .field());
  }
}
