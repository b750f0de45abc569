package ai.puffle.sdk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.CampaignSeed;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.LeadSeed;
import ai.puffle.sdk.testkit.NodeSeed;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.SeededCampaign;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation, blocking and async, with runs followed, retries, a reconciliation and
 * failures: no span name, attribute, event or metric attribute holds the API key, a run's access
 * token, the text of a message or lead data.
 */
class NoSecretsTest {
  static final WaitOptions FAST = WaitOptions.builder()
      .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(Duration.ofSeconds(30)).build();
  static final String OTHER_KEY =
      "pk_live_fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
  static final Lead LEAD = Lead.builder().firstName("Zephyrine").lastName("Quillfeather")
      .company("Obsidian Looms").position("Chief Loom Officer").email("zephyrine@obsidian-looms.example")
      .headline("Weaving revenue from moonlight").build();
  static final CampaignSeed CAMPAIGN = CampaignSeed.builder()
      .name("Loom outreach")
      .node(NodeSeed.email("Hello %first_name%", "Hi %first_name%, about %company%."))
      .node(NodeSeed.ai("Follow-up about tapestry throughput"))
      .lead(LeadSeed.builder().firstName("Zephyrine").lastName("Quillfeather").company("Obsidian Looms")
          .position("Chief Loom Officer").email("zephyrine@obsidian-looms.example").build())
      .lead(LeadSeed.builder().firstName("Balthazar").lastName("Inkwright").company("Vellum Forge")
          .position("Head of Parchment").email("balthazar@vellum-forge.example").build())
      .build();

  @Test
  void noSecretInAnyAttributeOfAnyOperation() {
    Set<String> secrets = new LinkedHashSet<>();
    try (InMemoryTelemetry otel = new InMemoryTelemetry();
        FakePuffle fake = FakePuffle.start();
        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
            .triggerApiUrl(fake.triggerApiUrl()).eventListener(otel.telemetry).build()) {
      secrets.add(fake.apiKey());
      secrets.add(fake.apiKey().substring(8));
      secrets.add(OTHER_KEY.substring(8));
      for (String lead : List.of("Zephyrine", "Quillfeather", "Obsidian Looms", "Chief Loom Officer",
          "zephyrine@obsidian-looms.example", "Weaving revenue", "Balthazar", "Inkwright", "Vellum Forge",
          "Head of Parchment", "balthazar@vellum-forge.example")) {
        secrets.add(lead);
      }
      SeededCampaign c = fake.seedCampaign(CAMPAIGN);
      String node = c.aiNodeId();
      String campaign = c.campaignId();
      List<String> messages = List.of("Brief: tidal marmalade angle for the loom", "Sender is Ottoline",
          "Draft the copper-kettle version", "Async: make it warmer", "A retitled cobalt session",
          "Subject about zircon lanterns", "Body about zircon lanterns", "A lost tangerine turn");
      secrets.addAll(messages);

      String session = client.sessions().create(campaign, node).id();
      String other = client.async().sessions().create(campaign, node).join().id();
      client.sessions().list(campaign);
      client.sessions().get(session);
      client.sessions().update(session, SessionUpdate.builder().title(messages.get(4)).build());
      RunHandle turn = client.sessions().turn(session,
          TurnRequest.builder(messages.get(0)).sampleLeads(List.of(LEAD)).build());
      secrets.add(turn.publicAccessToken());
      client.sessions().awaitIdle(session, turn, FAST, RequestOptions.none());
      TurnResult second = client.sessions().turnAndWait(session, TurnRequest.of(messages.get(1)), FAST);
      secrets.add(second.run().publicAccessToken());
      assertTrue(second.session().hasSkeleton(), "the second turn writes a skeleton");
      RunHandle examples = client.sessions().generateExamples(session, ExamplesRequest.of(List.of(LEAD)));
      secrets.add(examples.publicAccessToken());
      client.sessions().awaitIdle(session, examples, FAST, RequestOptions.none());
      secrets.add(client.sessions().generateExamplesAndWait(session, ExamplesRequest.of(List.of(LEAD)), FAST)
          .run().publicAccessToken());
      TurnResult async = client.async().sessions().turnAndWait(session, TurnRequest.of(messages.get(3)), FAST).join();
      secrets.add(async.run().publicAccessToken());
      for (TurnResult r : List.of(second, async)) {
        secrets.add(r.reply());
      }
      client.campaigns().generateContent(campaign, ContentRequest.builder(node, messages.get(2))
          .sampleLeads(List.of(LEAD)).build());
      client.campaigns().resolveMessages(campaign);
      client.campaigns().generateAiMessages(campaign, node, c.prospectIds(), RequestOptions.none());
      List<GeneratedMessage> drafts = client.campaigns().listMessages(campaign, MessageFilter.DRAFT);
      client.campaigns().listLeadMessages(campaign, c.prospectIds().get(0), MessageFilter.ALL, RequestOptions.none());
      client.campaigns().updateMessage(campaign,
          MessageUpdate.of(drafts.get(0).id()).subject(messages.get(5)).build());
      client.campaigns().get(campaign);
      client.campaigns().updateNode(campaign, node, NodeUpdate.draft(messages.get(5), messages.get(6)));
      client.sessions().delete(other);

      // Failures: a retry, a lost response reconciled (once the turn is over: no busy wait in
      // real time), an unknown session, a refused key.
      fake.faults().next(Operation.GET_SESSION, Fault.rateLimited(Duration.ZERO));
      client.sessions().get(session);
      fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
      assertThrows(ai.puffle.sdk.PuffleException.class, () -> client.sessions().turn(session,
          TurnRequest.of(messages.get(7)), RequestOptions.builder().busyTimeout(Duration.ZERO).build()));
      assertThrows(NotFoundException.class, () -> client.sessions().get(other));
      try (PuffleClient refused = PuffleClient.builder().apiKey(OTHER_KEY).baseUrl(fake.baseUrl())
          .eventListener(otel.telemetry).build()) {
        assertThrows(AuthenticationException.class, () -> refused.campaigns().get(campaign));
      }

      List<SpanData> spans = otel.spans();
      Set<String> operations = spans.stream().map(SpanData::getName).filter(n -> !n.contains(" "))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
      assertEquals(Set.of("awaitIdle", "createAiChatSession", "deleteAiChatSession", "generateAiChatExamples",
          "generateCampaignContent", "generateCampaignMessages", "generateExamplesAndWait", "getAiChatSession",
          "getCampaign", "listAiChatSessions", "listCampaignGeneratedMessages", "runAiChatTurn", "turnAndWait",
          "updateAiChatSession", "updateCampaignGeneratedMessage", "updateCampaignSequenceNode"), operations);
      List<String> events = spans.stream().flatMap(s -> s.getEvents().stream()).map(EventData::getName)
          .distinct().collect(Collectors.toList());
      for (String e : List.of("puffle.retry", "puffle.reconcile", "puffle.wait.start", "puffle.poll",
          "puffle.wait.end", "puffle.run.watch.start", "puffle.run.watch.end")) {
        assertTrue(events.contains(e), e + " recorded: " + events);
      }

      List<String> values = new ArrayList<>();
      for (SpanData s : spans) {
        values.add(s.getName());
        values.add(s.getStatus().getDescription());
        values.addAll(strings(s.getAttributes()));
        for (EventData e : s.getEvents()) {
          values.add(e.getName());
          values.addAll(strings(e.getAttributes()));
        }
      }
      for (MetricData m : otel.collect()) {
        for (PointData p : m.getData().getPoints()) {
          values.addAll(strings(p.getAttributes()));
        }
      }
      assertTrue(values.size() > 500, "checked " + values.size() + " values");
      for (String secret : secrets) {
        assertFalse(secret.isBlank(), "a secret to look for");
        List<String> leaks = values.stream().filter(v -> v.contains(secret)).collect(Collectors.toList());
        assertEquals(List.of(), leaks, "leaks '" + secret + "'");
      }
    }
  }

  private static List<String> strings(Attributes attributes) {
    return attributes.asMap().values().stream().map(String::valueOf).collect(Collectors.toList());
  }
}
