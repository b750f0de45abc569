package ai.puffle.sdk.examples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.TurnFailedException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureTest {
  @Test
  void classifiesByExitCode() {
    assertEquals(ExitCodes.CONFIG, Failure.of(new UsageException("x")).exitCode());
    assertEquals(ExitCodes.CONFIG, Failure.of(new InvalidInputException("campaignId", "must be a UUID")).exitCode());
    assertEquals(ExitCodes.TIMEOUT,
        Failure.of(new PuffleTimeoutException("slow", null, Duration.ofSeconds(1), null, 1)).exitCode());
    assertEquals(ExitCodes.API, Failure.of(PuffleApiException.forStatus(401, "getCampaign", "Unauthorized")).exitCode());
    assertEquals(ExitCodes.API, Failure.of(new PuffleConnectionException("refused", null, false, 1)).exitCode());
    assertEquals(ExitCodes.API, Failure.of(new TurnFailedException("no reply", null)).exitCode());
    assertEquals(ExitCodes.API, Failure.of(new FlowException("no skeleton")).exitCode());
    assertEquals(ExitCodes.UNEXPECTED, Failure.of(new IllegalStateException("bug")).exitCode());
  }

  @Test
  void unwrapsFuturesAndPrintsOneLine() {
    Failure f = Failure.of(new CompletionException(new PuffleTimeoutException(
        "session s still chat_processing\n after 300 ms", null, Duration.ofMillis(300), null, 1)));
    assertEquals(ExitCodes.TIMEOUT, f.exitCode());
    assertEquals("error: timed out: session s still chat_processing after 300 ms", f.line());
  }

  @Test
  void namesTheStatusOfApiErrors() {
    Failure f = Failure.of(PuffleApiException.forStatus(401, "getCampaign", "Unauthorized"));
    assertEquals("error: Puffle API error 401: getCampaign failed: HTTP 401: Unauthorized", f.line());
  }
}
