package ai.puffle.sdk.internal.exec;

import static ai.puffle.sdk.internal.exec.RetryRules.FailureClass.BUSY;
import static ai.puffle.sdk.internal.exec.RetryRules.FailureClass.FINAL;
import static ai.puffle.sdk.internal.exec.RetryRules.FailureClass.NOT_TAKEN;
import static ai.puffle.sdk.internal.exec.RetryRules.FailureClass.TRANSIENT;
import static ai.puffle.sdk.internal.exec.RetryRules.FailureClass.UNKNOWN_OUTCOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.BadRequestException;
import ai.puffle.sdk.ClientClosedException;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.internal.http.ErrorDetails;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.internal.exec.RetryRules.FailureClass;
import ai.puffle.sdk.internal.http.Safety;
import ai.puffle.sdk.testing.FakeTiming;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classification table of {@link RetryRules}, row by row, and its delays. */
class RetryRulesTableTest {
  static PuffleApiException status(int code) {
    return PuffleApiException.forStatus(code, "op", "HTTP " + code);
  }

  @Test
  void everyFailureIsClassifiedAsTheTableSays() {
    Map<Throwable, FailureClass[]> table = new LinkedHashMap<>();
    table.put(new PuffleConnectionException("refused", new IOException(), false, 1), new FailureClass[] {NOT_TAKEN, NOT_TAKEN});
    table.put(status(429), new FailureClass[] {NOT_TAKEN, NOT_TAKEN});
    table.put(status(500), new FailureClass[] {TRANSIENT, NOT_TAKEN});
    table.put(new PuffleConnectionException("dropped", new IOException(), true, 1), new FailureClass[] {TRANSIENT, UNKNOWN_OUTCOME});
    table.put(status(502), new FailureClass[] {TRANSIENT, UNKNOWN_OUTCOME});
    table.put(status(503), new FailureClass[] {TRANSIENT, UNKNOWN_OUTCOME});
    table.put(status(504), new FailureClass[] {TRANSIENT, UNKNOWN_OUTCOME});
    table.put(new UnexpectedResponseException("html", 200, "<html>", null, 1), new FailureClass[] {TRANSIENT, UNKNOWN_OUTCOME});
    table.put(status(409), new FailureClass[] {BUSY, BUSY});
    table.put(status(400), new FailureClass[] {FINAL, FINAL});
    table.put(status(401), new FailureClass[] {FINAL, FINAL});
    table.put(status(404), new FailureClass[] {FINAL, FINAL});
    table.put(status(501), new FailureClass[] {FINAL, FINAL});
    table.put(new PuffleTimeoutException("deadline", null, null, null, 1), new FailureClass[] {FINAL, FINAL});
    table.put(new ClientClosedException("closed"), new FailureClass[] {FINAL, FINAL});
    table.forEach((failure, expected) -> {
      assertEquals(expected[0], RetryRules.classify(Safety.IDEMPOTENT, failure), "idempotent: " + failure);
      assertEquals(expected[1], RetryRules.classify(Safety.SEND_ONCE, failure), "send-once: " + failure);
    });
  }

  @Test
  void okHttpRepeatsOnlyIdempotentRequestsThatAreNotDeletes() {
    ai.puffle.sdk.internal.http.RequestFactory f = new ai.puffle.sdk.internal.http.RequestFactory(
        okhttp3.HttpUrl.get("https://app.puffle.ai"), ai.puffle.sdk.internal.json.PuffleJson.moshi());
    ai.puffle.sdk.generated.api.AiChatSessionsApi api = new ai.puffle.sdk.generated.api.AiChatSessionsApi(f);
    String id = "d1d1d1d1-1111-4111-8111-111111111111";
    assertTrue(RetryRules.okHttpMayRepeat(api.getAiChatSession(id)));
    assertFalse(RetryRules.okHttpMayRepeat(api.deleteAiChatSession(id)));
    assertFalse(RetryRules.okHttpMayRepeat(api.runAiChatTurn(id, new ai.puffle.sdk.generated.model.RunAiChatTurnRequest())));
  }

  @Test
  void delaysGrowToTheirCapAndJitterOnlyLengthensThem() {
    FakeTiming timing = new FakeTiming();
    try {
      RetryRules rules = RetryRules.forClient(timing, 3);
      for (int i = 0; i < 1000; i++) {
        long first = rules.delay(Duration.ofSeconds(2), Duration.ofSeconds(5), 1.5, 1, null).toMillis();
        long second = rules.delay(Duration.ofSeconds(2), Duration.ofSeconds(5), 1.5, 2, null).toMillis();
        long capped = rules.delay(Duration.ofSeconds(2), Duration.ofSeconds(5), 1.5, 9, null).toMillis();
        assertTrue(first >= 2000 && first <= 2400, "2 s plus up to 20 %: " + first);
        assertTrue(second >= 3000 && second <= 3600, "grows 1.5x: " + second);
        assertTrue(capped >= 5000 && capped <= 6000, "capped at 5 s: " + capped);
      }
      RateLimitException asked = (RateLimitException) SdkAccess.get().apiException(
          ErrorDetails.builder().operation("op").statusCode(429).build(), Duration.ofMinutes(10), null);
      long ra = rules.delay(Duration.ofMillis(500), Duration.ofSeconds(8), 2, 1, asked).toMillis();
      assertTrue(ra >= 120_000 && ra <= 144_000, "Retry-After capped at 2 min, never shortened: " + ra);
    } finally {
      timing.close();
    }
  }

  @Test
  void policiesAreBuiltOncePerClientAndRetryBudget() {
    FakeTiming timing = new FakeTiming();
    try {
      RetryRules rules = RetryRules.forClient(timing, 3);
      assertTrue(rules.withMaxRetries(3) == rules);
      assertTrue(rules.withMaxRetries(1) == rules.withMaxRetries(1));
      assertTrue(rules.policy(Safety.SEND_ONCE) == rules.policy(Safety.SEND_ONCE));
    } finally {
      timing.close();
    }
  }
}
