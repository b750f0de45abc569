package ai.puffle.sdk.reliability;

import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testkit.Operation;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Request;

/**
 * The operations of the fault matrix: how to prepare the emulator for one, run it with the client
 * under test, and count what the server accepted. The fault is aimed at {@link #main}: the request
 * that does the operation's work (for a turn, the POST /turn, not the reads around it).
 */
enum MatrixOp {
  CREATE_SESSION("create session", Operation.CREATE_SESSION, "POST", p -> p.endsWith("/ai-chat-sessions")) {
    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.sessions().create(rig.campaign.campaignId(), rig.campaign.aiNodeId());
    }

    @Override
    Integer accepted(MatrixRig rig, String session) {
      return rig.sessionsOfNode(rig.campaign.aiNodeId());
    }
  },
  TURN("turn", Operation.RUN_TURN, "POST", p -> p.endsWith("/turn")) {
    @Override
    String setup(MatrixRig rig) {
      return rig.newSession();
    }

    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.sessions().turnAndWait(session, TurnRequest.of(TURN_MESSAGE), MatrixRig.FAST_WAIT);
    }

    @Override
    Integer accepted(MatrixRig rig, String session) {
      return (int) rig.fake.turnMessagesAccepted(session).stream().filter(TURN_MESSAGE::equals).count();
    }
  },
  GENERATE_EXAMPLES("generate examples", Operation.GENERATE_EXAMPLES, "POST",
      p -> p.endsWith("/generate-examples")) {
    @Override
    String setup(MatrixRig rig) {
      String session = rig.newSession();
      rig.chatToSkeleton(session);
      return session;
    }

    @Override
    Object run(MatrixRig rig, String session) {
      // isFirstBatch=false appends: a run accepted twice would leave twice the examples.
      ExamplesRequest request = ExamplesRequest.builder(LEADS).firstBatch(false).build();
      return rig.client.sessions().generateExamplesAndWait(session, request, MatrixRig.FAST_WAIT);
    }

    @Override
    Integer accepted(MatrixRig rig, String session) {
      Object examples = rig.sessionState(session).get("generated_examples");
      return examples == null ? 0 : ((List<?>) examples).size() / LEADS.size();
    }
  },
  GENERATE_CONTENT("generate content", Operation.GENERATE_CONTENT, "POST", p -> p.endsWith("/generate-content")) {
    @Override
    String setup(MatrixRig rig) {
      return rig.newSession();
    }

    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.campaigns().generateContent(
          rig.campaign.campaignId(), ContentRequest.of(rig.campaign.aiNodeId(), CONTENT_MESSAGE));
    }

    @Override
    Integer accepted(MatrixRig rig, String session) {
      return (int) rig.fake.turnMessagesAccepted(session).stream().filter(CONTENT_MESSAGE::equals).count();
    }
  },
  GET_SESSION("get session", Operation.GET_SESSION, "GET", p -> p.contains("/ai-chat-sessions/")) {
    @Override
    String setup(MatrixRig rig) {
      return rig.newSession();
    }

    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.sessions().get(session);
    }
  },
  UPDATE_SESSION("update session", Operation.UPDATE_SESSION, "PATCH", p -> p.contains("/ai-chat-sessions/")) {
    @Override
    String setup(MatrixRig rig) {
      return rig.newSession();
    }

    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.sessions().update(session, SessionUpdate.builder().title("Matrix").build());
    }
  },
  DELETE_SESSION("delete session", Operation.DELETE_SESSION, "DELETE", p -> p.contains("/ai-chat-sessions/")) {
    @Override
    String setup(MatrixRig rig) {
      return rig.newSession();
    }

    @Override
    Object run(MatrixRig rig, String session) {
      rig.client.sessions().delete(session);
      return "deleted";
    }
  },
  RESOLVE_MESSAGES("resolve messages", Operation.GENERATE_MESSAGES, "POST", p -> p.endsWith("/generate-messages")) {
    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.campaigns().resolveMessages(rig.campaign.campaignId());
    }
  },
  UPDATE_NODE("update node", Operation.UPDATE_NODE, "PUT", p -> p.contains("/sequence/nodes/")) {
    @Override
    Object run(MatrixRig rig, String session) {
      return rig.client.campaigns().updateNode(rig.campaign.campaignId(),
          rig.campaign.firstOfType("email"), NodeUpdate.draft("Quick question", "Hi %first_name%"));
    }
  };

  static final String TURN_MESSAGE = "Make the CTA softer";
  static final String CONTENT_MESSAGE = "Write a follow-up about time-to-ROI";
  static final List<Lead> LEADS = List.of(Lead.of("Ada", "Lovelace"), Lead.of("Grace", "Hopper"));

  final String label;
  final Operation main;
  private final String method;
  private final Predicate<String> path;

  MatrixOp(String label, Operation main, String method, Predicate<String> path) {
    this.label = label;
    this.main = main;
    this.method = method;
    this.path = path;
  }

  /** Prepares the emulator before any fault is armed; returns the session the cell works on. */
  String setup(MatrixRig rig) {
    return null;
  }

  /** Runs the operation with the client under test. */
  abstract Object run(MatrixRig rig, String session);

  /**
   * How many times the server took the operation's work (turn messages, example runs, content
   * turns accepted; sessions of the node), or null when the operation is safe to repeat.
   */
  Integer accepted(MatrixRig rig, String session) {
    return null;
  }

  /** Whether the operation is a task a busy session answers 409 to. */
  boolean contendsForSession() {
    return this == TURN || this == GENERATE_EXAMPLES || this == GENERATE_CONTENT;
  }

  /** Whether {@code request} is this operation's main request. */
  boolean isMain(Request request) {
    return request.method().equals(method) && path.test(request.url().encodedPath());
  }
}
