package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.InjectedFault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import ai.puffle.sdk.testkit.internal.trigger.RunRegistry;
import ai.puffle.sdk.testkit.internal.trigger.StreamMode;
import ai.puffle.sdk.testkit.internal.trigger.TriggerAnswer;
import ai.puffle.sdk.testkit.internal.trigger.TriggerEndpoints;
import ai.puffle.sdk.testkit.internal.trigger.TriggerRoute;
import mockwebserver3.MockResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The request pipeline of Trigger.dev's run endpoints, beside Puffle's: count and log the request,
 * pick a fault, let the run endpoints answer (they check the run's token, not the API key), and
 * turn the answer into a response (a stream's is written after this returns, by its body). The
 * one hook in {@link PuffleDispatcher} hands it every request first; it takes only the run
 * endpoint paths.
 */
final class TriggerDispatch {
  private final RunRegistry runs;
  private final TriggerEndpoints endpoints;
  private final FaultPlan faults;
  private final FaultResponses responses;
  private final RequestLog log;
  private final Scheduler clock;

  TriggerDispatch(
      RunRegistry runs, FaultPlan faults, WireJson json, RequestLog log, Scheduler clock) {
    this.runs = runs;
    this.endpoints = new TriggerEndpoints(runs);
    this.faults = faults;
    this.responses = new FaultResponses(json);
    this.log = log;
    this.clock = clock;
  }

  /** The response to a run endpoint request, or null when the path is not one. */
  MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    HttpUrl url = request.getUrl();
    TriggerRoute route = TriggerRoute.match(request.getMethod(), url.pathSegments());
    if (route == null) {
      return null;
    }
    Operation operation = route.operation;
    long sequence = log.arrived(operation);
    Fault fault = null;
    FaultResponses.Sent sent;
    if (!runs.serving()) {
      sent = send(TriggerAnswer.notServed());
    } else if (operation == Operation.UNKNOWN) {
      sent = send(TriggerAnswer.methodNotAllowed());
    } else {
      fault = faults.pick(operation);
      if (fault != null) {
        faults.record(new InjectedFault(
            sequence, operation, request.getMethod(), url.encodedPath(), fault, clock.now()));
      }
      sent = answer(route, request, fault);
    }
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    log.add(new RecordedCall(sequence, operation, request.getMethod(), url.encodedPath(),
        url.encodedQuery(), Redaction.headers(request.getHeaders()), body, sent.status, fault));
    return sent.response;
  }

  private FaultResponses.Sent answer(TriggerRoute route, RecordedRequest request, Fault fault)
      throws InterruptedException {
    boolean streamFault =
        route.operation == Operation.READ_STREAM && StreamMode.shapesStream(fault);
    if (fault != null && !fault.processed() && !fault.isRunFault() && !streamFault) {
      return responses.unprocessed(fault);
    }
    Fault endpointFault = fault != null && (fault.isRunFault() || streamFault) ? fault : null;
    TriggerAnswer answer =
        endpoints.answer(route, request.getUrl(), request.getHeaders(), endpointFault);
    if (answer.stream != null && (fault == null || endpointFault != null
        || fault.kind() == Fault.Kind.DELAY)) {
      return stream(answer, fault);
    }
    if (fault == null || endpointFault != null) {
      return send(answer);
    }
    return responses.processed(fault, answer.status, answer.headers, answer.body);
  }

  private FaultResponses.Sent send(TriggerAnswer answer) {
    return responses.normal(answer.status, answer.headers, answer.body);
  }

  /** A stream's response: its body is written, event by event, after dispatch returns. */
  private static FaultResponses.Sent stream(TriggerAnswer answer, Fault fault) {
    MockResponse.Builder response = new MockResponse.Builder()
        .code(answer.status)
        .headers(answer.headers)
        .setHeader("Connection", "close")
        .setHeader("Transfer-Encoding", "chunked")
        .socketHandler(new StreamSocketHandler(answer.stream));
    if (fault != null) {
      for (Map.Entry<String, String> header : fault.headers().entrySet()) {
        response.setHeader(header.getKey(), header.getValue());
      }
      if (fault.kind() == Fault.Kind.DELAY) {
        response.headersDelay(fault.delay().orElseThrow().toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    return new FaultResponses.Sent(response.build(), answer.status);
  }
}
