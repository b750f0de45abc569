package ai.puffle.sdk.testkit.internal;

/** Plain text to a small HTML body, as message rows carry both. */
final class Html {
  private Html() {}

  static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      html.append("<p>").append(escape(paragraph.trim()).replace("\n", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
