package ai.puffle.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.testkit.FakePuffle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many more async calls than {@code maxConcurrentRequests}, with no fault at all: every call must
 * complete, on its first attempt. (Found by the soak: the dispatcher's thread pool was as small as
 * the concurrency limit, so handing a queued call to it was sometimes rejected: the attempt failed
 * with "executor rejected", and with a small limit OkHttp's rejection path recursed until a
 * StackOverflowError killed the dispatcher thread, leaving calls that never completed.)
 */
class AsyncLoadTest {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void queuedAsyncCallsAreNeverRejected() throws Exception {
    RetryLog retries = new RetryLog();
    try (FakePuffle fake = FakePuffle.start();
        PuffleClient client = PuffleClient.builder()
            .apiKey(fake.apiKey())
            .baseUrl(fake.baseUrl())
            .maxConcurrentRequests(2)
            .eventListener(retries)
            .build()) {
      String session = client.sessions()
          .create(fake.defaultCampaign().campaignId(), fake.defaultCampaign().aiNodeId()).id();
      List<CompletableFuture<Session>> calls = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        calls.add(client.async().sessions().get(session));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
      assertEquals(List.of(), retries.list(), "no call should have needed a retry");
      assertEquals(2002, fake.requestCount(), "2,000 reads, and the create with the list before it");
    }
  }
}
