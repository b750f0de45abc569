package ai.puffle.sdk.generated;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Wire payloads under {@code src/test/resources/fixtures/}, shared by the contract tests and the
 * client's tests, and the ids they use (all match the documented UUID pattern).
 *
 * <p>Sessions: {@code session-created.json} (every content field null), {@code
 * session-busy.json} (a turn in flight), {@code session-with-skeleton.json} (mid-conversation,
 * hook/value_prop skeleton, %var% draft, examples), {@code session-with-content-skeleton.json}
 * (the generate-content skeleton shape), {@code session-unknown-fields.json} (unknown fields,
 * task_status "summarizing"), {@code session-list.json}, {@code session-deleted.json}, {@code
 * run-handle.json}.
 * Campaigns: {@code generate-content-response.json}, {@code generate-content-no-skeleton.json},
 * {@code campaign-detail.json}, {@code campaign-fresh.json} (a new campaign: null operating
 * hours, stats and settings), {@code generated-messages.json}, {@code generate-ai-accepted.json},
 * {@code generated-message-updated.json}, {@code sequence-node-updated.json}. Errors: {@code
 * error-no-framework.json}, {@code error-session-busy.json}, {@code error-internal.json} (flat
 * string) and {@code error-nested-unauthorized.json} ({@code {code, message}}).
 */
public final class Fixtures {
  /** The campaign every fixture belongs to (a draft email campaign). */
  public static final String CAMPAIGN_ID = "8c2b2d4e-e29b-41d4-a716-446655440000";
  /** The owner of every fixture. */
  public static final String USER_ID = "5f0c7a1e-3b9d-4c2a-9e61-2d8f4b7a1c30";
  /** The email node at position 0; {@link #SESSION_ID} drafts it. */
  public static final String EMAIL_NODE_ID = "3f6e2a10-7c4b-4e8d-9a21-5b0c8d7e6f01";
  /** The delay node at position 1. */
  public static final String DELAY_NODE_ID = "4a7f3b21-8d5c-4f9e-8b32-6c1d9e8f7a02";
  /** The AI node at position 2; {@link #AI_SESSION_ID} drafts it (generate-content). */
  public static final String AI_NODE_ID = "5b804c32-9e6d-4a0f-9c43-7d2e0f9a8b03";
  /** The end node at position 3. */
  public static final String END_NODE_ID = "6c915d43-af7e-4b1a-8d54-8e3f1a0b9c04";
  /** The session of the email node (created, busy, with-skeleton, unknown-fields fixtures). */
  public static final String SESSION_ID = "d1d1d1d1-1111-4111-8111-111111111111";
  /** The session of the AI node (content-skeleton and generate-content fixtures). */
  public static final String AI_SESSION_ID = "e2e2e2e2-2222-4222-9222-222222222222";
  /** Lead "Dana" (Northwind). */
  public static final String PROSPECT_1 = "a0000001-0000-4000-8000-000000000001";
  /** Lead "Luis" (Contoso). */
  public static final String PROSPECT_2 = "a0000002-0000-4000-8000-000000000002";
  /** The first generated message (draft, with status). */
  public static final String MESSAGE_1 = "f0000001-0000-4000-8000-000000000001";
  /** The second generated message (with body_html, no status). */
  public static final String MESSAGE_2 = "f0000002-0000-4000-8000-000000000002";

  private Fixtures() {}

  /**
   * The text of {@code fixtures/<name>} on the test class path.
   *
   * @throws IllegalArgumentException when there is no such fixture
   */
  public static String read(String name) {
    String path = "/fixtures/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + path, e);
    }
  }
}
