package ai.puffle.sdk.reliability;

import java.util.List;

/** Prints the fault matrix: a Markdown grid (faults × operations) and one line per cell. */
final class MatrixPrinter {
  private MatrixPrinter() {}

  /**
   * Rows are faults, columns operations; a cell reads {@code outcome n·a}: n requests of the
   * operation reached the server, the work was taken a times (omitted where not counted).
   */
  static String grid(List<MatrixCell> cells) {
    StringBuilder out = new StringBuilder("| fault \\ operation |");
    for (MatrixOp op : MatrixOp.values()) {
      out.append(' ').append(op.label).append(" |");
    }
    out.append("\n|---|");
    for (int i = 0; i < MatrixOp.values().length; i++) {
      out.append("---|");
    }
    for (MatrixFault fault : MatrixFault.values()) {
      out.append("\n| ").append(fault.label).append(" |");
      for (MatrixOp op : MatrixOp.values()) {
        MatrixCell c = find(cells, op, fault);
        out.append(' ').append(c == null ? "" : shortForm(c)).append(" |");
      }
    }
    return out.toString();
  }

  /** One line per cell, in the format of the expected table. */
  static String lines(List<MatrixCell> cells) {
    StringBuilder out = new StringBuilder();
    for (MatrixCell c : cells) {
      out.append("    \"").append(c.line()).append("\",\n");
    }
    return out.toString();
  }

  private static String shortForm(MatrixCell c) {
    String outcome = c.outcome.endsWith("Exception")
        ? c.outcome.substring(0, c.outcome.length() - "Exception".length()) + "!"
        : c.outcome;
    return outcome + " " + c.requests + (c.accepted == null ? "" : "·" + c.accepted);
  }

  private static MatrixCell find(List<MatrixCell> cells, MatrixOp op, MatrixFault fault) {
    for (MatrixCell c : cells) {
      if (c.op == op && c.fault == fault) {
        return c;
      }
    }
    return null;
  }
}
