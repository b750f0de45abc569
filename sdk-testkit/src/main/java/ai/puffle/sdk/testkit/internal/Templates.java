package ai.puffle.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puffle's template syntax: {@code %name%} or {@code {{name}}} variables and {@code &&...&&} AI
 * instructions (replaced by AI-written text when an email is generated).
 */
final class Templates {
  private static final Pattern VARIABLE =
      Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%|\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final Pattern INSTRUCTION = Pattern.compile("&&(.+?)&&", Pattern.DOTALL);

  /** The sender's first name used for {@code %sender_first%}. */
  static final String SENDER_FIRST = "Sam";

  private Templates() {}

  /** Replaces the variables that {@code values} knows; unknown ones stay as written. */
  static String render(String template, Map<String, String> values) {
    if (template == null) {
      return null;
    }
    Matcher m = VARIABLE.matcher(template);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = values.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Replaces every {@code &&instruction&&} with {@code writer(instruction)}. */
  static String fillInstructions(String template, UnaryOperator<String> writer) {
    if (template == null) {
      return null;
    }
    Matcher m = INSTRUCTION.matcher(template);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(writer.apply(m.group(1).trim())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A generated email from a template and a lead: variables resolved, AI instructions written
   * out as a short sentence.
   */
  static String write(String template, Map<String, String> values) {
    String filled = fillInstructions(template, instruction -> aiSentence(instruction, values));
    return render(filled, values);
  }

  private static String aiSentence(String instruction, Map<String, String> values) {
    String company = values.getOrDefault("company", "your team");
    return "(AI-written for " + company + ": " + render(instruction, values) + ")";
  }

  /** Template values for a lead map with snake_case keys, plus the sender's name. */
  static Map<String, String> values(Map<String, ?> lead) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sender_first", SENDER_FIRST);
    if (lead == null) {
      return values;
    }
    for (Map.Entry<String, ?> e : lead.entrySet()) {
      if (e.getValue() instanceof String) {
        values.put(e.getKey(), (String) e.getValue());
      }
    }
    Object custom = lead.get("custom_fields");
    if (custom instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) custom).entrySet()) {
        if (e.getValue() != null && !(e.getValue() instanceof Map)) {
          values.putIfAbsent(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
      }
    }
    if (!values.containsKey("full_name") && values.containsKey("first_name")) {
      String last = values.getOrDefault("last_name", "");
      values.put("full_name", (values.get("first_name") + " " + last).trim());
    }
    return values;
  }
}
