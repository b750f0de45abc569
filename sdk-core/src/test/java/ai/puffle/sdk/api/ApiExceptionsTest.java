package ai.puffle.sdk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.BadRequestException;
import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PaymentRequiredException;
import ai.puffle.sdk.PermissionDeniedException;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.TaskStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PuffleApiException#forStatus}: the exception the client throws for each status. */
class ApiExceptionsTest {
  @Test
  void eachStatusGetsTheClassTheClientThrows() {
    Map<Integer, Class<?>> classes = Map.of(
        400, BadRequestException.class, 401, AuthenticationException.class,
        402, PaymentRequiredException.class, 403, PermissionDeniedException.class,
        404, NotFoundException.class, 409, SessionBusyException.class,
        429, RateLimitException.class, 500, ServerException.class, 503, ServerException.class,
        418, PuffleApiException.class);
    classes.forEach((status, type) -> {
      PuffleApiException e = PuffleApiException.forStatus(status, "getAiChatSession", "Nope");
      assertEquals(type, e.getClass(), "HTTP " + status);
      assertEquals((int) status, e.statusCode());
      assertEquals("getAiChatSession", e.operation());
      assertEquals("Nope", e.errorMessage());
      assertEquals("getAiChatSession failed: HTTP " + status + ": Nope", e.getMessage());
    });
    SessionBusyException busy = (SessionBusyException) PuffleApiException.forStatus(
        409, "runAiChatTurn", "Session is busy (generating_examples)");
    assertEquals(TaskStatus.GENERATING_EXAMPLES, busy.busyStatus());
    assertFalse(((RateLimitException) PuffleApiException.forStatus(429, "op", "slow")).retryAfter().isPresent());
  }

  @Test
  void aStatusThatIsNotAnErrorIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PuffleApiException.forStatus(200, "op", "fine"));
    assertEquals("statusCode", e.field());
    assertThrows(InvalidInputException.class, () -> PuffleApiException.forStatus(404, null, "x"));
  }
}
