package ai.puffle.sdk;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A turn Puffle has accepted and is working on: its events as they arrive (the run's status, the
 * chunks it streams, the end), and its result. Get one from {@link Sessions#startTurn} or, in
 * another process, from a saved string with {@link Sessions#resumeTurn}.
 *
 * <pre>{@code
 * try (LiveTurn turn = client.sessions().startTurn(sessionId, TurnRequest.of("Make the CTA softer"))) {
 *   turn.onEvent(e -> e.textDelta().ifPresent(System.out::print));
 *   TurnResult r = turn.await();
 * }
 * }</pre>
 *
 * <p>Events come in order to every view ({@link #publisher()}, {@link #onEvent}, {@link
 * #events()}), each from the start of the turn, and end with one {@link TurnEvent.Kind#END}.
 * A view read too slowly never makes memory grow: beyond a bound, text chunks of a stream are
 * merged and other chunks dropped, and its end event counts them. Statuses and the end are never
 * dropped.
 *
 * <p><b>Cancelling stops watching, never the turn.</b> {@link #cancel()}, {@link #close()},
 * cancelling {@link #result()} or a subscription, closing an iterator: each stops only what this
 * client does (its polls, its feed, its streams; a view stops only itself). The turn goes on on
 * Puffle's side; wait for it again with {@link Sessions#awaitIdle} or a resumed handle.
 *
 * <p>Thread-safe.
 */
public interface LiveTurn extends AutoCloseable {
  /** The session the turn runs in. */
  String sessionId();

  /**
   * The turn's run ({@link RunHandle#isKnown()} false when the response that named it was lost and
   * the client found the turn taken from the session; such a turn has no status or chunk events).
   */
  RunHandle run();

  /**
   * The result, once the session shows the turn over. Fails as {@link
   * Sessions#turnAndWait} does ({@link TurnFailedException}, {@link PuffleTimeoutException}, ...).
   * Cancelling it is {@link #cancel()}.
   */
  CompletableFuture<TurnResult> result();

  /**
   * Waits for the result on this thread.
   *
   * @throws PuffleInterruptedException when the thread is interrupted (watching stops; the turn
   *     does not)
   */
  TurnResult await();

  /**
   * The events as a {@link Flow.Publisher}: each subscriber gets every event from the start, as it
   * asks for them, ending with {@link TurnEvent.Kind#END} and {@code onComplete}. Cancelling a
   * subscription stops only that subscriber.
   */
  Flow.Publisher<TurnEvent> publisher();

  /**
   * Calls {@code listener} with every event from the start, in order, on one of the client's
   * threads (not an HTTP thread); a listener that throws is ignored. Returns this handle.
   */
  LiveTurn onEvent(Consumer<? super TurnEvent> listener);

  /**
   * The events as a blocking iterator: {@code next()} waits for the next event; it ends after
   * {@link TurnEvent.Kind#END}. Close it to stop early.
   */
  Events events();

  /**
   * Stops watching the turn: polls, the run's feed and its streams end, {@link #result()} is
   * cancelled and every view ends with a {@link PuffleInterruptedException} failure. The turn goes
   * on on Puffle's side. Idempotent.
   */
  void cancel();

  /** {@link #cancel()}, unless the turn is already over (then nothing happens). */
  @Override
  void close();

  /**
   * This turn as a string another process can resume ({@link Sessions#resumeTurn}) to wait for
   * or watch the same turn without sending it again: the session id, the run id, and what the
   * result is measured against (the transcript's length and digests of the skeleton, the draft and
   * the message; no message or draft text). Without the run's token, a resumed turn polls the
   * session and has no run events.
   */
  String save();

  /**
   * {@link #save()} plus the run's public access token, so that a resumed turn can follow the run
   * and its streams. <b>The string is then a secret</b> (for about an hour, the token's life):
   * store it like one.
   */
  String saveWithToken();

  /** The events as a blocking iterator that can be closed early. */
  interface Events extends Iterator<TurnEvent>, AutoCloseable {
    /**
     * Whether another event comes; waits for it.
     *
     * @throws PuffleInterruptedException when the thread is interrupted while waiting
     */
    @Override
    boolean hasNext();

    /** Stops this iterator; the turn and the other views go on. */
    @Override
    void close();
  }
}
