package ai.puffle.sdk.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs a program in-process with captured output. */
final class Runs {
  /** The {@code run} method of an example program. */
  @FunctionalInterface
  interface Program {
    int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err);
  }

  /** What a run printed and returned. */
  static final class Result {
    final int exitCode;
    final String out;
    final String err;

    Result(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  private Runs() {}

  static Result run(Program program, Map<String, String> env, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = program.run(args, env,
          new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), o, e);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(Program program, String... args) {
    return run(program, Map.of(), "", args);
  }
}
