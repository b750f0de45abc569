package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Conversation;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.PuffleClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@link Conversation} shared between threads: while one thread keeps changing the hints (the
 * variable names, then the sample leads, each step numbered), every turn another sends carries
 * hints as they stood at one instant: the leads of the same step as the names, or of the step
 * before (the names are set first), never of a later step.
 */
class ConversationHintsTest {
  static final Pattern VAR = Pattern.compile("\"availableVarNames\":\\[\"v(\\d+)\"\\]");
  static final Pattern LEAD = Pattern.compile("\"first_name\":\"L(\\d+)\"");

  @RegisterExtension
  final FakePuffleExtension puffle =
      FakePuffleExtension.perTest().withFake(b -> b.timeMode(TimeMode.virtual()));

  @Test
  void everyTurnSendsTheHintsOfOneInstant(FakePuffle fake, PuffleClient client) throws Exception {
    SeededCampaign campaign = fake.defaultCampaign();
    Conversation chat = client.conversation(campaign.campaignId(), campaign.aiNodeId());
    chat.setAvailableVarNames(List.of("v0")).setSampleLeads(List.of(Lead.of("L0", "Zero")));
    AtomicBoolean stop = new AtomicBoolean();
    Thread setter = new Thread(() -> {
      for (int i = 1; !stop.get(); i++) {
        chat.setAvailableVarNames(List.of("v" + i));
        chat.setSampleLeads(List.of(Lead.of("L" + i, "Step")));
      }
    }, "hints-setter");
    setter.start();
    try {
      for (int turn = 0; turn < 6; turn++) {
        chat.send("Turn " + turn);
      }
    } finally {
      stop.set(true);
      setter.join();
    }

    List<String> seen = new ArrayList<>();
    for (RecordedCall call : fake.requests(Operation.RUN_TURN)) {
      Matcher v = VAR.matcher(call.body());
      Matcher l = LEAD.matcher(call.body());
      assertTrue(v.find() && l.find(), call.body());
      int names = Integer.parseInt(v.group(1));
      int leads = Integer.parseInt(l.group(1));
      seen.add(names + "/" + leads);
      assertTrue(leads == names || leads == names - 1,
          "names of step " + names + " sent with leads of step " + leads + ": " + seen);
    }
    assertEquals(6, seen.size(), seen.toString());
  }
}
