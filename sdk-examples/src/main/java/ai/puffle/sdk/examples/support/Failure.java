package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.TurnFailedException;
import ai.puffle.sdk.UnexpectedResponseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a program ends after an exception: its exit code ({@link ExitCodes}) and a one-line reason
 * for standard error. The SDK's messages never contain the API key, so they are printed as they
 * are.
 */
public final class Failure {
  private final int exitCode;
  private final String line;

  private Failure(int exitCode, String line) {
    this.exitCode = exitCode;
    this.line = line;
  }

  /** Classifies an exception (unwrapping a future's wrapper). */
  public static Failure of(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof UsageException || e instanceof InvalidInputException) {
      return new Failure(ExitCodes.CONFIG, "configuration: " + e.getMessage());
    }
    if (e instanceof PuffleTimeoutException) {
      return new Failure(ExitCodes.TIMEOUT, "timed out: " + e.getMessage());
    }
    if (e instanceof PuffleApiException) {
      PuffleApiException api = (PuffleApiException) e;
      return new Failure(ExitCodes.API, "Puffle API error " + api.statusCode() + ": " + e.getMessage());
    }
    if (e instanceof PuffleConnectionException) {
      return new Failure(ExitCodes.API, "cannot reach Puffle: " + e.getMessage());
    }
    if (e instanceof UnexpectedResponseException) {
      return new Failure(ExitCodes.API, "unexpected response from Puffle: " + e.getMessage());
    }
    if (e instanceof TurnFailedException) {
      return new Failure(ExitCodes.API, "turn failed: " + e.getMessage());
    }
    if (e instanceof FlowException) {
      return new Failure(ExitCodes.API, e.getMessage());
    }
    if (e instanceof PuffleException) {
      return new Failure(ExitCodes.API, e.getMessage());
    }
    return new Failure(ExitCodes.UNEXPECTED, "unexpected " + e.getClass().getName() + ": " + e.getMessage());
  }

  /** The exception inside a {@link CompletionException} or {@link ExecutionException}. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** The reason on one line, prefixed with {@code error: }. */
  public String line() {
    return "error: " + line.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  @Override
  public String toString() {
    return "Failure{" + exitCode + ", " + line() + "}";
  }
}
