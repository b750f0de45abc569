package ai.puffle.sdk.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The footprint tables: the runtime jars of puffle-sdk-core with their sizes, against the budget
 * of at most 10 jars and 3.5 MiB, and the SDK's own jar by area (the compressed bytes of each
 * package's classes), so that growth shows where it comes from.
 */
final class FootprintTable {
  /** The budget: 10 jars and 3.5 MiB in all. */
  static final int MAX_JARS = 10;
  static final long MAX_BYTES = 3_670_016L;

  private FootprintTable() {}

  /** Prints both tables for a runtime class path whose first entry is the SDK's jar. */
  static void print(String coreClasspath) throws IOException {
    System.out.print(render(coreClasspath));
  }

  /** Both tables, as Markdown, for a runtime class path whose first entry is the SDK's jar. */
  static String render(String coreClasspath) throws IOException {
    StringBuilder out = new StringBuilder();
    List<File> jars = new ArrayList<>();
    long bytes = 0;
    for (String entry : coreClasspath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        File f = new File(entry);
        jars.add(f);
        bytes += f.length();
      }
    }
    line(out, "### Footprint: runtime jars of puffle-sdk-core");
    line(out, "");
    line(out, "| jar | KiB |");
    line(out, "|---|---:|");
    for (File f : jars) {
      line(out, String.format(Locale.ROOT, "| %s | %,.0f |", f.getName(), f.length() / 1024.0));
    }
    line(out, String.format(Locale.ROOT, "| **%d jars** | **%.2f MiB** |", jars.size(), bytes / 1048576.0));
    line(out, "");
    File sdk = jars.get(0);
    long dependencies = bytes - sdk.length();
    line(out, String.format(Locale.ROOT,
        "Budget %d jars and %.1f MiB: %s. The %d jars the SDK runs on come to %,d bytes, which leaves"
            + " %,d bytes (%.0f KiB) for the SDK's own jar; it is %,d bytes (%.0f KiB).",
        MAX_JARS, MAX_BYTES / 1048576.0,
        jars.size() <= MAX_JARS && bytes <= MAX_BYTES ? "met" : "not met",
        jars.size() - 1, dependencies, MAX_BYTES - dependencies, (MAX_BYTES - dependencies) / 1024.0,
        sdk.length(), sdk.length() / 1024.0));
    line(out, "");
    areas(sdk, out);
    return out.toString();
  }

  private static void areas(File sdk, StringBuilder out) throws IOException {
    Map<String, long[]> areas = new TreeMap<>();
    long entries = 0;
    try (ZipFile zip = new ZipFile(sdk)) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        entries++;
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        int slash = name.lastIndexOf('/');
        String area = name.endsWith(".class") && slash > 0
            ? name.substring(0, slash).replace('/', '.')
            : "other files (manifest, Maven descriptor, module-info)";
        long[] sums = areas.computeIfAbsent(area, k -> new long[3]);
        sums[0]++;
        sums[1] += entry.getCompressedSize();
        sums[2] += entry.getSize();
      }
    }
    long data = 0;
    for (long[] sums : areas.values()) {
      data += sums[1];
    }
    line(out, "### Footprint: the SDK's own jar by area");
    line(out, "");
    line(out, "| area | classes | KiB in the jar | KiB as classes |");
    line(out, "|---|---:|---:|---:|");
    for (Map.Entry<String, long[]> area : areas.entrySet()) {
      long[] sums = area.getValue();
      line(out, String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |",
          area.getKey(), sums[0], sums[1] / 1024.0, sums[2] / 1024.0));
    }
    line(out, String.format(Locale.ROOT,
        "| the jar's own headers and directory (%d entries) | | %.1f | |",
        entries, (sdk.length() - data) / 1024.0));
    line(out, "");
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }
}
