package ai.puffle.sdk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.RecordedCall;
import ai.puffle.sdk.testkit.SeededCampaign;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context every request carries, as the emulator logged it. */
class PropagationTest {
  final VirtualRig rig = new VirtualRig();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  @SuppressWarnings("try") // the scope is held, not read
  void everyRequestCarriesItsSpansContextAndTheCallersTraceState() {
    SpanContext remote = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736",
        "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.builder().put("puffle", "t61rcWkgMzE").build());
    int before;
    try (Scope ignored = Context.root().with(Span.wrap(remote)).makeCurrent()) {
      String session = rig.client.sessions().create(rig.campaign.campaignId(), rig.campaign.aiNodeId()).id();
      before = rig.fake.requests().size();
      rig.beforeTurn(1, () -> rig.competingTurn(session));
      rig.client.sessions().turnAndWait(session, TurnRequest.of("Write the intro email"));
    }
    List<RecordedCall> logged = rig.fake.requests().stream()
        .filter(c -> !c.body().contains("another tab")).collect(Collectors.toList());
    List<SpanData> requests = rig.otel.requests();
    assertEquals(logged.size(), requests.size(), "one span per request the emulator logged");
    assertTrue(logged.size() - before >= 6, "the turn met a 409 and waited: " + logged);
    for (int i = 0; i < logged.size(); i++) {
      RecordedCall call = logged.get(i);
      SpanData span = requests.get(i);
      assertEquals(span.getName(), call.method() + " " + template(span), "in the same order");
      assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-" + span.getSpanId() + "-01",
          call.traceparent().orElseThrow(), "#" + call.sequence() + " " + call);
      assertEquals("puffle=t61rcWkgMzE", call.tracestate().orElseThrow());
      SpanData parent = rig.otel.spans().stream()
          .filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst().orElseThrow();
      assertEquals("00f067aa0ba902b7", parent.getParentSpanId(), "the call's span is a child of the caller's");
    }
    assertEquals(Optional.empty(), rig.fake.requests().stream()
        .filter(c -> c.body().contains("another tab")).findFirst().orElseThrow().traceparent(),
        "the other tab's turn carries none (sanity check of the log)");
  }

  @Test
  void withoutAnSdkNothingIsPropagatedAndCallsWork() {
    try (FakePuffle fake = FakePuffle.start();
        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
            .watchRuns(false).eventListener(PuffleTelemetry.create(OpenTelemetry.noop())).build()) {
      SeededCampaign c = fake.defaultCampaign();
      Session s = client.sessions().create(c.campaignId(), c.aiNodeId());
      client.sessions().get(s.id());
      assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
          fake.requests().stream().map(RecordedCall::traceparent).collect(Collectors.toList()));
    }
  }

  @Test
  void aPropagatorThatThrowsBreaksNoCall() {
    TextMapPropagator broken = new TextMapPropagator() {
      @Override
      public Collection<String> fields() {
        return List.of("traceparent");
      }

      @Override
      public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
        throw new IllegalStateException("propagator bug");
      }

      @Override
      public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
        return context;
      }
    };
    OpenTelemetry otel = new OpenTelemetry() {
      @Override
      public io.opentelemetry.api.trace.TracerProvider getTracerProvider() {
        return rig.otel.sdk.getTracerProvider();
      }

      @Override
      public io.opentelemetry.api.metrics.MeterProvider getMeterProvider() {
        return rig.otel.sdk.getMeterProvider();
      }

      @Override
      public ContextPropagators getPropagators() {
        return ContextPropagators.create(broken);
      }
    };
    try (FakePuffle fake = FakePuffle.start();
        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
            .watchRuns(false).eventListener(PuffleTelemetry.create(otel)).build()) {
      SeededCampaign c = fake.defaultCampaign();
      Session s = client.sessions().create(c.campaignId(), c.aiNodeId());
      assertEquals(s.id(), client.sessions().get(s.id()).id());
      assertEquals(3, rig.otel.requests().size(), "the request spans still end");
      assertTrue(fake.requests().stream().allMatch(r -> r.traceparent().isEmpty()));
    }
  }

  private static String template(SpanData span) {
    return span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.template"));
  }
}
