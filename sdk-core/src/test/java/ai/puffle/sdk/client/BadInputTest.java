package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.AI_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.MESSAGE_1;
import static ai.puffle.sdk.generated.Fixtures.PROSPECT_1;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.WaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of bad input across the public API: each is refused with an {@link
 * InvalidInputException} naming the field and the rule, before anything is sent. The catalogue is
 * printed as a table (input -> message).
 */
class BadInputTest extends ScriptedClientTest {
  static final String BIG = "x".repeat(100_001);
  static final Lead LEAD = Lead.of("Ada", "Lovelace");
  static final List<Lead> TOO_MANY_LEADS = Collections.nCopies(101, LEAD);
  static final TurnRequest TURN = TurnRequest.of("hi");
  static final ExamplesRequest EXAMPLES = ExamplesRequest.of(List.of(LEAD));
  static final NodeUpdate NODE_UPDATE = NodeUpdate.draft("s", "b");
  static final MessageUpdate MESSAGE_UPDATE = MessageUpdate.of(MESSAGE_1).subject("s").build();
  static final RequestOptions NONE = RequestOptions.none();

  /** A call that may throw, or return a future that fails. */
  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  static final class Case {
    final String input;
    final String field;
    final Call call;

    Case(String input, String field, Call call) {
      this.input = input;
      this.field = field;
      this.call = call;
    }
  }

  List<Case> catalogue() {
    List<Case> c = new ArrayList<>();
    // ids: every id parameter, malformed and non-UUID
    c.add(new Case("sessions.get(\"not-a-uuid\")", "sessionId", () -> client.sessions().get("not-a-uuid")));
    c.add(new Case("sessions.get(\"\")", "sessionId", () -> client.sessions().get("")));
    c.add(new Case("sessions.get(null)", "sessionId", () -> client.sessions().get(null)));
    c.add(new Case("sessions.get(id + \" \")", "sessionId", () -> client.sessions().get(SESSION_ID + " ")));
    c.add(new Case("sessions.get(version-0 UUID)", "sessionId",
        () -> client.sessions().get("d1d1d1d1-1111-0111-8111-111111111111")));
    c.add(new Case("sessions.get(UUID without hyphens)", "sessionId",
        () -> client.sessions().get(SESSION_ID.replace("-", ""))));
    c.add(new Case("sessions.get(\"../\" + id)", "sessionId", () -> client.sessions().get("../" + SESSION_ID)));
    c.add(new Case("sessions.update(\"x\", update)", "sessionId",
        () -> client.sessions().update("x", SessionUpdate.builder().title("t").build())));
    c.add(new Case("sessions.delete(\"{id}\")", "sessionId", () -> { client.sessions().delete("{id}"); return null; }));
    c.add(new Case("sessions.turn(\"123\", turn)", "sessionId", () -> client.sessions().turn("123", TURN)));
    c.add(new Case("sessions.generateExamples(\"abc\", examples)", "sessionId",
        () -> client.sessions().generateExamples("abc", EXAMPLES)));
    c.add(new Case("sessions.awaitIdle(\"nope\")", "sessionId", () -> client.sessions().awaitIdle("nope")));
    c.add(new Case("sessions.turnAndWait(\"nope\", turn)", "sessionId",
        () -> client.sessions().turnAndWait("nope", TURN)));
    c.add(new Case("sessions.generateExamplesAndWait(\"nope\", ex)", "sessionId",
        () -> client.sessions().generateExamplesAndWait("nope", EXAMPLES)));
    c.add(new Case("sessions.create(\"bad\", nodeId)", "campaignId", () -> client.sessions().create("bad", AI_NODE_ID)));
    c.add(new Case("sessions.create(campaignId, \"bad\")", "nodeId", () -> client.sessions().create(CAMPAIGN_ID, "bad")));
    c.add(new Case("sessions.list(\"CAMPAIGN\")", "campaignId", () -> client.sessions().list("CAMPAIGN")));
    c.add(new Case("campaigns.get(UUID one digit short)", "campaignId",
        () -> client.campaigns().get(CAMPAIGN_ID.substring(1))));
    c.add(new Case("campaigns.generateContent(\"x\", request)", "campaignId",
        () -> client.campaigns().generateContent("x", ContentRequest.of(AI_NODE_ID, "hi"))));
    c.add(new Case("campaigns.resolveMessages(\" \")", "campaignId", () -> client.campaigns().resolveMessages(" ")));
    c.add(new Case("campaigns.generateAiMessages(campaignId, \"node\")", "nodeId",
        () -> client.campaigns().generateAiMessages(CAMPAIGN_ID, "node")));
    c.add(new Case("campaigns.generateAiMessages(\"c\", nodeId)", "campaignId",
        () -> client.campaigns().generateAiMessages("c", AI_NODE_ID)));
    c.add(new Case("campaigns.listMessages(null)", "campaignId", () -> client.campaigns().listMessages(null)));
    c.add(new Case("campaigns.listLeadMessages(\"bad\", prospect, DRAFT)", "campaignId",
        () -> client.campaigns().listLeadMessages("bad", PROSPECT_1, MessageFilter.DRAFT, NONE)));
    c.add(new Case("campaigns.updateMessage(\"bad\", update)", "campaignId",
        () -> client.campaigns().updateMessage("bad", MESSAGE_UPDATE)));
    c.add(new Case("campaigns.updateNode(campaignId, \"bad\", update)", "nodeId",
        () -> client.campaigns().updateNode(CAMPAIGN_ID, "bad", NODE_UPDATE)));
    c.add(new Case("campaigns.updateNode(\"bad\", nodeId, update)", "campaignId",
        () -> client.campaigns().updateNode("bad", AI_NODE_ID, NODE_UPDATE)));
    c.add(new Case("ContentRequest.of(\"not-a-node\", \"hi\")", "contentRequest.nodeId",
        () -> ContentRequest.of("not-a-node", "hi")));
    c.add(new Case("client.conversation(\"bad\", nodeId)", "campaignId", () -> client.conversation("bad", AI_NODE_ID)));
    c.add(new Case("client.conversation(campaignId, \"bad\")", "nodeId", () -> client.conversation(CAMPAIGN_ID, "bad")));
    c.add(new Case("async.sessions.get(\"bad\")", "sessionId", () -> client.async().sessions().get("bad")));
    c.add(new Case("async.sessions.turnAndWait(\"bad\", turn)", "sessionId",
        () -> client.async().sessions().turnAndWait("bad", TURN)));
    c.add(new Case("async.campaigns.updateNode(campaignId, \"bad\", u)", "nodeId",
        () -> client.async().campaigns().updateNode(CAMPAIGN_ID, "bad", NODE_UPDATE)));
    // nulls
    c.add(new Case("sessions.update(id, null)", "sessionUpdate", () -> client.sessions().update(SESSION_ID, null)));
    c.add(new Case("sessions.turn(id, null)", "turnRequest", () -> client.sessions().turn(SESSION_ID, null)));
    c.add(new Case("sessions.generateExamples(id, null)", "examplesRequest",
        () -> client.sessions().generateExamples(SESSION_ID, null)));
    c.add(new Case("sessions.awaitIdle(id, null)", "waitOptions",
        () -> client.sessions().awaitIdle(SESSION_ID, (WaitOptions) null)));
    c.add(new Case("sessions.turnAndWait(id, turn, null)", "waitOptions",
        () -> client.sessions().turnAndWait(SESSION_ID, TURN, null)));
    c.add(new Case("async.sessions.awaitIdle(id, null)", "waitOptions",
        () -> client.async().sessions().awaitIdle(SESSION_ID, (WaitOptions) null)));
    c.add(new Case("campaigns.generateContent(campaignId, null)", "contentRequest",
        () -> client.campaigns().generateContent(CAMPAIGN_ID, null)));
    c.add(new Case("campaigns.listMessages(campaignId, null)", "filter",
        () -> client.campaigns().listMessages(CAMPAIGN_ID, null)));
    c.add(new Case("campaigns.generateAiMessages(c, n, null)", "prospectIds",
        () -> client.campaigns().generateAiMessages(CAMPAIGN_ID, AI_NODE_ID, null, NONE)));
    c.add(new Case("campaigns.updateMessage(campaignId, null)", "messageUpdate",
        () -> client.campaigns().updateMessage(CAMPAIGN_ID, null)));
    c.add(new Case("campaigns.updateNode(c, n, null)", "nodeUpdate",
        () -> client.campaigns().updateNode(CAMPAIGN_ID, AI_NODE_ID, null)));
    c.add(new Case("campaigns.listLeadMessages(c, null, DRAFT)", "prospectId",
        () -> client.campaigns().listLeadMessages(CAMPAIGN_ID, null, MessageFilter.DRAFT, NONE)));
    c.add(new Case("client.withOptions(null)", "options", () -> client.withOptions(null)));
    // messages
    c.add(new Case("TurnRequest.of(null)", "turnRequest.message", () -> TurnRequest.of(null)));
    c.add(new Case("TurnRequest.of(\"\")", "turnRequest.message", () -> TurnRequest.of("")));
    c.add(new Case("TurnRequest.of(\" \\n\\t \")", "turnRequest.message", () -> TurnRequest.of(" \n\t ")));
    c.add(new Case("TurnRequest.of(\"\\u2003\\u3000\") (Unicode spaces)", "turnRequest.message",
        () -> TurnRequest.of("\u2003\u3000")));
    c.add(new Case("TurnRequest.of(100,001 chars)", "turnRequest.message", () -> TurnRequest.of(BIG)));
    c.add(new Case("ContentRequest.of(nodeId, \"   \")", "contentRequest.message",
        () -> ContentRequest.of(AI_NODE_ID, "   ")));
    c.add(new Case("ContentRequest.of(nodeId, 100,001 chars)", "contentRequest.message",
        () -> ContentRequest.of(AI_NODE_ID, BIG)));
    c.add(new Case("TurnRequest.availableVarNames(\"first_name\", \" \")", "turnRequest.availableVarNames[1]",
        () -> TurnRequest.builder("hi").availableVarNames("first_name", " ").build()));
    c.add(new Case("TurnRequest.availableVarNames((List) null)", "turnRequest.availableVarNames",
        () -> TurnRequest.builder("hi").availableVarNames((List<String>) null).build()));
    // leads
    c.add(new Case("TurnRequest.sampleLeads(101 leads)", "turnRequest.sampleLeads",
        () -> TurnRequest.builder("hi").sampleLeads(TOO_MANY_LEADS).build()));
    c.add(new Case("ExamplesRequest.of(101 leads)", "examplesRequest.leads", () -> ExamplesRequest.of(TOO_MANY_LEADS)));
    c.add(new Case("ContentRequest.sampleLeads(101 leads)", "contentRequest.sampleLeads",
        () -> ContentRequest.builder(AI_NODE_ID, "hi").sampleLeads(TOO_MANY_LEADS).build()));
    c.add(new Case("ExamplesRequest.of(List.of())", "examplesRequest.leads", () -> ExamplesRequest.of(List.of())));
    c.add(new Case("ExamplesRequest.of(null)", "examplesRequest.leads", () -> ExamplesRequest.of(null)));
    c.add(new Case("ExamplesRequest.of([lead, null])", "examplesRequest.leads[1]",
        () -> ExamplesRequest.of(Arrays.asList(LEAD, null))));
    c.add(new Case("Lead with no name (company only)", "lead", () -> Lead.builder().company("Acme").build()));
    c.add(new Case("Lead with a blank first name", "lead",
        () -> Lead.builder().firstName("  ").lastName("Smith").build()));
    c.add(new Case("Lead with a 100,001-char company", "lead.company",
        () -> Lead.builder().firstName("Ada").company(BIG).build()));
    // updates
    c.add(new Case("SessionUpdate.builder().build() (empty)", "sessionUpdate", () -> SessionUpdate.builder().build()));
    c.add(new Case("SessionUpdate.title(100,001 chars)", "sessionUpdate.title",
        () -> SessionUpdate.builder().title(BIG)));
    c.add(new Case("NodeUpdate.builder().build() (empty)", "nodeUpdate", () -> NodeUpdate.builder().build()));
    c.add(new Case("NodeUpdate.delayDays(-1)", "nodeUpdate.delayDays", () -> NodeUpdate.builder().delayDays(-1)));
    c.add(new Case("NodeUpdate.draft(null, \"b\")", "nodeUpdate.subject", () -> NodeUpdate.draft(null, "b")));
    c.add(new Case("MessageUpdate.of(\"\")", "messageUpdate.messageId", () -> MessageUpdate.of("")));
    c.add(new Case("MessageUpdate.of(\"   \")", "messageUpdate.messageId", () -> MessageUpdate.of("   ")));
    c.add(new Case("MessageUpdate.of(null)", "messageUpdate.messageId", () -> MessageUpdate.of(null)));
    c.add(new Case("MessageUpdate.of(id).build() (nothing set)", "messageUpdate",
        () -> MessageUpdate.of(MESSAGE_1).build()));
    c.add(new Case("generateAiMessages(c, n, [prospect, \" \"])", "prospectIds[1]",
        () -> client.campaigns().generateAiMessages(CAMPAIGN_ID, AI_NODE_ID, List.of(PROSPECT_1, " "), NONE)));
    c.add(new Case("listLeadMessages(c, \"  \", DRAFT)", "prospectId",
        () -> client.campaigns().listLeadMessages(CAMPAIGN_ID, "  ", MessageFilter.DRAFT, NONE)));
    // request options
    c.add(new Case("RequestOptions.busyTimeout(-1 s)", "requestOptions.busyTimeout",
        () -> RequestOptions.builder().busyTimeout(Duration.ofSeconds(-1))));
    c.add(new Case("RequestOptions.timeout(0)", "requestOptions.timeout",
        () -> RequestOptions.builder().timeout(Duration.ZERO)));
    c.add(new Case("RequestOptions.timeout(-1 s)", "requestOptions.timeout",
        () -> RequestOptions.builder().timeout(Duration.ofSeconds(-1))));
    c.add(new Case("RequestOptions.maxRetries(-1)", "requestOptions.maxRetries",
        () -> RequestOptions.builder().maxRetries(-1)));
    c.add(new Case("RequestOptions.maxRetries(21)", "requestOptions.maxRetries",
        () -> RequestOptions.builder().maxRetries(21)));
    c.add(new Case("RequestOptions.header(\"X-Trace\", \"a\\r\\nX-Injected: 1\")", "requestOptions.header(X-Trace)",
        () -> RequestOptions.builder().header("X-Trace", "a\r\nX-Injected: 1")));
    c.add(new Case("RequestOptions.header(\"X Trace\", \"v\")", "requestOptions.header",
        () -> RequestOptions.builder().header("X Trace", "v")));
    c.add(new Case("RequestOptions.header(\"Authorization\", ...)", "requestOptions.header",
        () -> RequestOptions.builder().header("Authorization", "Bearer pk_live_other")));
    c.add(new Case("RequestOptions.header(\"X-Trace\", null)", "requestOptions.header(X-Trace)",
        () -> RequestOptions.builder().header("X-Trace", null)));
    c.add(new Case("RequestOptions.eventListener(null)", "requestOptions.eventListener",
        () -> RequestOptions.builder().eventListener(null)));
    // wait options
    c.add(new Case("WaitOptions.pollInterval(0, 5 s)", "waitOptions.initialPollInterval",
        () -> WaitOptions.builder().pollInterval(Duration.ZERO, Duration.ofSeconds(5))));
    c.add(new Case("WaitOptions.pollInterval(-1 s, 5 s)", "waitOptions.initialPollInterval",
        () -> WaitOptions.builder().pollInterval(Duration.ofSeconds(-1), Duration.ofSeconds(5))));
    c.add(new Case("WaitOptions.pollInterval(2 s, 0)", "waitOptions.maxPollInterval",
        () -> WaitOptions.builder().pollInterval(Duration.ofSeconds(2), Duration.ZERO)));
    c.add(new Case("WaitOptions.pollInterval(5 s, 2 s) (max < initial)", "waitOptions.maxPollInterval",
        () -> WaitOptions.builder().pollInterval(Duration.ofSeconds(5), Duration.ofSeconds(2)).build()));
    c.add(new Case("WaitOptions.timeout(0)", "waitOptions.timeout", () -> WaitOptions.builder().timeout(Duration.ZERO)));
    c.add(new Case("WaitOptions.timeout(-1 s)", "waitOptions.timeout",
        () -> WaitOptions.builder().timeout(Duration.ofSeconds(-1))));
    // client
    c.add(new Case("PuffleClient.builder().build() (no key)", "apiKey", () -> PuffleClient.builder().build()));
    c.add(new Case("apiKey(\"pk_live_abc def\")", "apiKey", () -> PuffleClient.builder().apiKey("pk_live_abc def")));
    c.add(new Case("apiKey(\"pk_live_abc\\n\")", "apiKey", () -> PuffleClient.builder().apiKey("pk_live_abc\n")));
    c.add(new Case("apiKey(\"\")", "apiKey", () -> PuffleClient.builder().apiKey("")));
    c.add(new Case("baseUrl(\"http://example.com\")", "baseUrl",
        () -> PuffleClient.builder().baseUrl("http://example.com")));
    c.add(new Case("baseUrl(\"not a url\")", "baseUrl", () -> PuffleClient.builder().baseUrl("not a url")));
    c.add(new Case("connectTimeout(0)", "connectTimeout", () -> PuffleClient.builder().connectTimeout(Duration.ZERO)));
    c.add(new Case("readTimeout(-1 ms)", "readTimeout",
        () -> PuffleClient.builder().readTimeout(Duration.ofMillis(-1))));
    c.add(new Case("maxConcurrentRequests(0)", "maxConcurrentRequests",
        () -> PuffleClient.builder().maxConcurrentRequests(0)));
    c.add(new Case("builder.okHttpClient(null)", "okHttpClient", () -> PuffleClient.builder().okHttpClient(null)));
    c.add(new Case("builder.logger(null)", "logger", () -> PuffleClient.builder().logger(null)));
    c.add(new Case("builder.requestOptions(null)", "requestOptions", () -> PuffleClient.builder().requestOptions(null)));
    c.add(new Case("builder.eventListener(null)", "eventListener", () -> PuffleClient.builder().eventListener(null)));
    return c;
  }

  /** What {@code call} failed with: thrown at once, or the failure of the future it returned. */
  static Throwable failureOf(Call call) {
    Object result;
    try {
      result = call.run();
    } catch (Throwable t) {
      return t;
    }
    if (result instanceof Future) {
      try {
        ((Future<?>) result).get(5, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        return e.getCause();
      } catch (Exception e) {
        return e;
      }
    }
    return null;
  }

  @Test
  void everyBadInputIsRefusedBeforeAnythingIsSent() {
    List<Case> cases = catalogue();
    assertTrue(cases.size() >= 30, "at least 30 kinds: " + cases.size());
    List<String> problems = new ArrayList<>();
    int width = cases.stream().mapToInt(c -> c.input.length()).max().orElse(10);
    StringBuilder table = new StringBuilder();
    String format = "| %-" + width + "s | %s%n";
    table.append(String.format(format, "input", "exception message"));
    table.append(String.format(format, "-".repeat(width), "-".repeat(40)));
    for (Case c : cases) {
      Throwable t = failureOf(c.call);
      table.append(String.format(format, c.input,
          t == null ? "(accepted!)" : t.getClass().getSimpleName() + ": " + t.getMessage()));
      if (!(t instanceof InvalidInputException)) {
        problems.add(c.input + " -> " + (t == null ? "accepted" : t));
        continue;
      }
      InvalidInputException e = (InvalidInputException) t;
      if (!c.field.equals(e.field())) {
        problems.add(c.input + " -> field " + e.field() + ", expected " + c.field);
      }
      if (e.rule() == null || e.rule().isBlank() || !e.getMessage().startsWith(e.field() + " " + e.rule())) {
        problems.add(c.input + " -> message does not name field and rule: " + e.getMessage());
      }
    }
    System.out.println("Bad input catalogue (" + cases.size() + " cases):");
    System.out.print(table);
    if (!problems.isEmpty()) {
      fail(problems.size() + " bad inputs not refused as expected:\n" + String.join("\n", problems));
    }
    assertEquals(0, server.requestCount(), "nothing was sent");
  }
}
