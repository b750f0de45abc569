package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.InjectedFault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The request pipeline: route, count and log the request, pick a fault, check the key, run the
 * handler (unless the fault comes first), and turn the answer into a response.
 */
final class PuffleDispatcher extends Dispatcher {
  private final String apiKey;
  private final Api api;
  private final RouteTable routes;
  private final WireJson json;
  private final FaultPlan faults;
  private final FaultResponses responses;
  private final RequestLog log;
  private final TurnLedger ledger;
  private final Scheduler clock;
  private final TriggerDispatch trigger;
  private final ContractCheck contract;

  PuffleDispatcher(
      String apiKey,
      Api api,
      WireJson json,
      FaultPlan faults,
      RequestLog log,
      TurnLedger ledger,
      Scheduler clock,
      TriggerDispatch trigger,
      ContractCheck contract) {
    this.apiKey = apiKey;
    this.api = api;
    this.routes = RouteTable.of(api);
    this.json = json;
    this.faults = faults;
    this.responses = new FaultResponses(json);
    this.log = log;
    this.ledger = ledger;
    this.clock = clock;
    this.trigger = trigger;
    this.contract = contract;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    // Trigger.dev's run endpoints (the runs of turns and example runs) have their own pipeline.
    MockResponse run = trigger.dispatch(request);
    if (run != null) {
      return run;
    }
    String method = request.getMethod();
    HttpUrl url = request.getUrl();
    Route route = routes.match(method, url.pathSegments());
    Operation operation = route.operation;
    long sequence = log.arrived(operation);
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    noteTurnReceived(route, body);
    contract.request(route, request, body);

    Fault fault = faults.pick(operation);
    if (fault != null) {
      faults.record(
          new InjectedFault(sequence, operation, method, url.encodedPath(), fault, clock.now()));
    }
    FaultResponses.Sent sent;
    if (fault != null && !fault.processed()) {
      sent = responses.unprocessed(fault);
    } else {
      Fault taskFault = fault != null && fault.isTaskFault() ? fault : null;
      WireResponse answer =
          handle(new Call(route, url, body, taskFault), request.getHeaders().get("Authorization"));
      sent = fault == null || taskFault != null
          ? responses.normal(answer)
          : responses.processed(fault, answer);
    }
    if (sent.body != null) {
      contract.response(route, request, sent.status, FaultResponses.JSON_TYPE, sent.body);
    }
    log.add(new RecordedCall(sequence, operation, method, url.encodedPath(), url.encodedQuery(),
        Redaction.headers(request.getHeaders()), body, sent.status, fault));
    return sent.response;
  }

  private WireResponse handle(Call call, String authorization) {
    try {
      if (call.route.operation != Operation.UNKNOWN && !authorized(authorization)) {
        return WireResponse.error(401, "Unauthorized");
      }
      return api.handle(call);
    } catch (HttpError e) {
      return WireResponse.error(e.status, e.getMessage());
    } catch (RuntimeException e) {
      return WireResponse.error(500, "Internal server error");
    }
  }

  /** {@code Bearer <key>}; the scheme is case-insensitive, the key is not. */
  private boolean authorized(String authorization) {
    if (authorization == null) {
      return false;
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    return space > 0
        && value.substring(0, space).equalsIgnoreCase("Bearer")
        && value.substring(space + 1).trim().equals(apiKey);
  }

  private void noteTurnReceived(Route route, String body) {
    if (route.operation != Operation.RUN_TURN || route.id == null) {
      return;
    }
    Map<String, Object> object = json.tryParseObject(body);
    if (object != null && object.get("message") instanceof String) {
      ledger.received(route.id, (String) object.get("message"));
    }
  }
}
