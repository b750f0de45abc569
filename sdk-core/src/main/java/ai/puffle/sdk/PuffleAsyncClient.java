package ai.puffle.sdk;

/**
 * The client's operations returning {@link java.util.concurrent.CompletableFuture}s. No caller
 * thread is blocked: waits poll on one shared scheduler thread and send with OkHttp's async calls,
 * so thousands of concurrent waits cost a handful of threads. Get it from {@link
 * PuffleClient#async()}.
 */
public final class PuffleAsyncClient {
  private final AsyncSessions sessions;
  private final AsyncCampaigns campaigns;

  PuffleAsyncClient(AsyncSessions sessions, AsyncCampaigns campaigns) {
    this.sessions = sessions;
    this.campaigns = campaigns;
  }

  /** AI chat sessions. */
  public AsyncSessions sessions() {
    return sessions;
  }

  /** Campaign-scoped operations. */
  public AsyncCampaigns campaigns() {
    return campaigns;
  }
}
