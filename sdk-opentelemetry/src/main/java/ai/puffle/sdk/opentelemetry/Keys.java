package ai.puffle.sdk.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys: the stable HTTP client semantic conventions, and Puffle's own under {@code
 * puffle.}. None of them ever holds the API key, a run's access token, message text or lead data.
 */
final class Keys {
  private Keys() {}

  // Semantic conventions (HTTP client spans and metrics, stable).
  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  // Puffle's own.
  /** The operation's id on an operation span; the request's operationId on an attempt span. */
  static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("puffle.operation.id");
  static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("puffle.session.id");
  /** How many times the operation's own request was sent. */
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("puffle.attempts");
  /** The server's request id ({@code x-request-id} and similar). */
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("puffle.request.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("puffle.attempt");
  static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("puffle.retry.reason");
  /** Seconds before the request is sent again. */
  static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("puffle.retry.delay");
  static final AttributeKey<String> VERDICT = AttributeKey.stringKey("puffle.reconcile.verdict");
  static final AttributeKey<String> WAIT_KIND = AttributeKey.stringKey("puffle.wait.kind");
  static final AttributeKey<String> TASK_STATUS = AttributeKey.stringKey("puffle.task.status");
  static final AttributeKey<Long> POLLS = AttributeKey.longKey("puffle.wait.polls");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("puffle.run.id");
  static final AttributeKey<String> RUN_STATUS = AttributeKey.stringKey("puffle.run.status");
  /** Why a run's feed was given up, or why its watch ended. */
  static final AttributeKey<String> RUN_REASON = AttributeKey.stringKey("puffle.run.reason");

  // Span events.
  static final String EVENT_RETRY = "puffle.retry";
  static final String EVENT_RECONCILE = "puffle.reconcile";
  static final String EVENT_WAIT_START = "puffle.wait.start";
  static final String EVENT_POLL = "puffle.poll";
  static final String EVENT_WAIT_END = "puffle.wait.end";
  static final String EVENT_RUN_WATCH_START = "puffle.run.watch.start";
  static final String EVENT_RUN_STATUS = "puffle.run.status";
  static final String EVENT_RUN_FALLBACK = "puffle.run.fallback";
  static final String EVENT_RUN_WATCH_END = "puffle.run.watch.end";
}
