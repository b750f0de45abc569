package ai.puffle.sdk.examples.support;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal, so that a progress line may redraw itself. */
public final class Terminal {
  private Terminal() {}

  /**
   * True when {@link System#console()} is not null and, on Java 22 and later (where a console
   * exists even when output is redirected), {@code Console.isTerminal()} says so.
   */
  public static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
