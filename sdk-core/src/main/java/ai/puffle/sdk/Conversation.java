package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.ops.NodeSessions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The drafting conversation of one AI node, as one object: it finds the node's session (or
 * creates it), remembers the hints Puffle advises sending on every turn (available variable
 * names, sample leads, sequence context) and sends them with each message, and applies the
 * finished draft to the node. A thin layer over {@link Sessions} and {@link Campaigns}.
 *
 * <pre>{@code
 * Conversation chat = client.conversation(campaignId, nodeId);
 * chat.setSampleLeads(leads);
 * TurnResult r = chat.send("Write an intro email for VPs of Sales, time-to-ROI angle");
 * chat.send("Sender is Sid, CTA is a 10-minute call");
 * List<GeneratedExample> examples = chat.generateExamples(leads);
 * chat.applyDraft();
 * }</pre>
 *
 * <p>Safe to share between threads. The hints are one immutable value that each setter replaces
 * whole: a turn or example run sends the hints as they stood at one instant, read once when it
 * begins. The session
 * itself runs one task at a time, and a second send waits until the first is done.
 */
public final class Conversation {
  private final PuffleClient client;
  private final String campaignId;
  private final String nodeId;
  private final String sessionId;
  private final AtomicReference<Hints> hints = new AtomicReference<>(Hints.NONE);

  /** What is sent with every turn, and how turns are waited for: replaced whole, never changed. */
  private static final class Hints {
    static final Hints NONE = new Hints(List.of(), List.of(), null, WaitOptions.defaults());

    final List<String> availableVarNames;
    final List<Lead> sampleLeads;
    final SequenceContext sequenceContext;
    final WaitOptions waitOptions;

    Hints(List<String> availableVarNames, List<Lead> sampleLeads, SequenceContext sequenceContext,
        WaitOptions waitOptions) {
      this.availableVarNames = availableVarNames;
      this.sampleLeads = sampleLeads;
      this.sequenceContext = sequenceContext;
      this.waitOptions = waitOptions;
    }
  }

  private Conversation(PuffleClient client, String campaignId, String nodeId, String sessionId) {
    this.client = client;
    this.campaignId = campaignId;
    this.nodeId = nodeId;
    this.sessionId = sessionId;
  }

  static Conversation open(PuffleClient client, String campaignId, String nodeId) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    String sessionId = NodeSessions.pick(client.sessions().list(campaignId), nodeId)
        .map(Session::id)
        .orElseGet(() -> client.sessions().create(campaignId, nodeId).id());
    return new Conversation(client, campaignId, nodeId, sessionId);
  }

  /** The session this conversation drafts in. */
  public String sessionId() {
    return sessionId;
  }

  /** The campaign. */
  public String campaignId() {
    return campaignId;
  }

  /** The AI node being drafted. */
  public String nodeId() {
    return nodeId;
  }

  /** Template variable names the assistant may use; sent with every turn. */
  public Conversation setAvailableVarNames(List<String> names) {
    List<String> value = List.copyOf(Validate.notNull("availableVarNames", names));
    hints.updateAndGet(h -> new Hints(value, h.sampleLeads, h.sequenceContext, h.waitOptions));
    return this;
  }

  /** Representative leads; sent with every turn, and the default leads for examples. */
  public Conversation setSampleLeads(List<Lead> leads) {
    List<Lead> value = List.copyOf(Validate.notNull("sampleLeads", leads));
    hints.updateAndGet(h -> new Hints(h.availableVarNames, value, h.sequenceContext, h.waitOptions));
    return this;
  }

  /** Where this email sits in the sequence; sent with every turn and example run. */
  public Conversation setSequenceContext(SequenceContext context) {
    Validate.notNull("sequenceContext", context);
    hints.updateAndGet(h -> new Hints(h.availableVarNames, h.sampleLeads, context, h.waitOptions));
    return this;
  }

  /** How turns and example runs are waited for. */
  public Conversation setWaitOptions(WaitOptions wait) {
    Validate.notNull("waitOptions", wait);
    hints.updateAndGet(h -> new Hints(h.availableVarNames, h.sampleLeads, h.sequenceContext, wait));
    return this;
  }

  /**
   * Sends a message with the remembered hints, waits for the reply, and reports what the turn
   * did.
   */
  public TurnResult send(String message) {
    Hints h = hints.get();
    return client.sessions().turnAndWait(sessionId, request(message, h), h.waitOptions);
  }

  /**
   * Sends a message with the remembered hints and returns the turn live, once Puffle accepted
   * it: its run's statuses and the reply's chunks as they stream, then the result ({@link
   * LiveTurn}).
   */
  public LiveTurn startTurn(String message) {
    Hints h = hints.get();
    return client.sessions().startTurn(sessionId, request(message, h), h.waitOptions, RequestOptions.none());
  }

  private static TurnRequest request(String message, Hints h) {
    TurnRequest.Builder request = TurnRequest.builder(message);
    if (!h.availableVarNames.isEmpty()) {
      request.availableVarNames(h.availableVarNames);
    }
    if (!h.sampleLeads.isEmpty()) {
      request.sampleLeads(h.sampleLeads);
    }
    if (h.sequenceContext != null) {
      request.sequenceContext(h.sequenceContext);
    }
    return request.build();
  }

  /** Generates examples for the remembered sample leads. */
  public List<GeneratedExample> generateExamples() {
    Hints h = hints.get();
    if (h.sampleLeads.isEmpty()) {
      throw new InvalidInputException("leads", "must not be empty: set sample leads or pass leads");
    }
    return generateExamples(h.sampleLeads, h);
  }

  /**
   * Generates one example per lead (replacing earlier examples) and returns them. Refuses without
   * sending when there is no skeleton yet.
   */
  public List<GeneratedExample> generateExamples(List<Lead> leads) {
    return generateExamples(leads, hints.get());
  }

  private List<GeneratedExample> generateExamples(List<Lead> leads, Hints h) {
    ExamplesRequest.Builder request = ExamplesRequest.builder(leads);
    if (h.sequenceContext != null) {
      request.sequenceContext(h.sequenceContext);
    }
    return client.sessions().generateExamplesAndWait(sessionId, request.build(), h.waitOptions).examples();
  }

  /** The session as it is now. */
  public Session session() {
    return client.sessions().get(sessionId);
  }

  /** Resolves the campaign's messages, copying the generated examples onto matching leads. */
  public List<GeneratedMessage> resolveMessages() {
    return client.campaigns().resolveMessages(campaignId);
  }

  /**
   * Copies the session's draft subject and body onto the sequence node and returns the node.
   *
   * @throws InvalidInputException when the session has no draft yet (nothing is sent to the node)
   */
  public SequenceNode applyDraft() {
    Session s = session();
    if (!s.hasDraft()) {
      throw new InvalidInputException("session " + sessionId,
          "has no draft yet: send turns until the assistant writes one");
    }
    return client.campaigns().updateNode(
        campaignId, nodeId, NodeUpdate.draft(s.draftSubject().orElse(""), s.draftBody().orElse("")));
  }

  @Override
  public String toString() {
    return "Conversation{campaign=" + campaignId + ", node=" + nodeId + ", session=" + sessionId + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Conversation && ((Conversation) o).sessionId.equals(sessionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sessionId);
  }
}
