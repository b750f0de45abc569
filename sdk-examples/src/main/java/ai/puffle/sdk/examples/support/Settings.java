package ai.puffle.sdk.examples.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a program was asked to do, from its flags and environment. Without {@code PUFFLE_API_KEY}
 * the programs run on the embedded emulator and need nothing else; with it they run against
 * {@code PUFFLE_API_BASE_URL} (default https://app.puffle.ai) and need the campaign and node ids:
 *
 * <pre>
 * --campaign &lt;uuid&gt;   or PUFFLE_CAMPAIGN_ID
 * --node &lt;uuid&gt;       or PUFFLE_NODE_ID (AsyncDrafts: repeat the flag, or separate ids by commas)
 * --timeout &lt;seconds&gt; how long one wait may take (default: Puffle's, 3 min for a turn)
 * --nodes &lt;n&gt;         AsyncDrafts on the emulator: how many AI nodes to draft (default 5)
 * --trace             print the client's OpenTelemetry spans and metrics on standard error
 * --help
 * </pre>
 */
public final class Settings {
  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "PUFFLE_API_KEY";
  /** The environment variable holding the base URL. */
  public static final String ENV_BASE_URL = "PUFFLE_API_BASE_URL";
  /** The environment variable holding Trigger.dev's API URL, where runs are followed. */
  public static final String ENV_TRIGGER_API_URL = "PUFFLE_TRIGGER_API_URL";
  /** The environment variable holding the campaign id. */
  public static final String ENV_CAMPAIGN = "PUFFLE_CAMPAIGN_ID";
  /** The environment variable holding the node id (or ids, separated by commas). */
  public static final String ENV_NODE = "PUFFLE_NODE_ID";
  /** How many AI nodes AsyncDrafts drafts on the emulator unless {@code --nodes} says otherwise. */
  public static final int DEFAULT_NODE_COUNT = 5;

  private final String apiKey;
  private final String baseUrl;
  private String triggerApiUrl;
  private final String campaignId;
  private final List<String> nodeIds;
  private final Duration timeout;
  private final int nodeCount;
  private final boolean trace;
  private final boolean help;

  private Settings(String apiKey, String baseUrl, String campaignId, List<String> nodeIds,
      Duration timeout, int nodeCount, boolean trace, boolean help) {
    this.apiKey = apiKey;
    this.baseUrl = baseUrl;
    this.campaignId = campaignId;
    this.nodeIds = List.copyOf(nodeIds);
    this.timeout = timeout;
    this.nodeCount = nodeCount;
    this.trace = trace;
    this.help = help;
  }

  /**
   * Reads the flags and the environment.
   *
   * @param multipleNodes whether the program drafts several nodes ({@code --node} may repeat and
   *     {@code --nodes} is allowed)
   * @throws UsageException for an unknown flag, a malformed value, or, with an API key, a missing
   *     campaign or node id
   */
  public static Settings parse(String[] args, Map<String, String> env, boolean multipleNodes) {
    String campaign = null;
    List<String> nodes = new ArrayList<>();
    Duration timeout = null;
    int nodeCount = DEFAULT_NODE_COUNT;
    boolean trace = false;
    boolean help = false;
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--help":
        case "-h":
          help = true;
          break;
        case "--trace":
          trace = true;
          break;
        case "--campaign":
          campaign = value(arg, rest);
          break;
        case "--node":
          nodes.addAll(split(value(arg, rest)));
          break;
        case "--timeout":
          timeout = seconds(value(arg, rest));
          break;
        case "--nodes":
          if (!multipleNodes) {
            throw new UsageException("unknown option --nodes (try --help)");
          }
          nodeCount = count(value(arg, rest));
          break;
        default:
          throw new UsageException("unknown option " + arg + " (try --help)");
      }
    }
    String key = nonBlank(env.get(ENV_API_KEY));
    if (campaign == null) {
      campaign = nonBlank(env.get(ENV_CAMPAIGN));
    }
    if (nodes.isEmpty() && nonBlank(env.get(ENV_NODE)) != null) {
      nodes.addAll(split(env.get(ENV_NODE)));
    }
    Settings settings = new Settings(key, nonBlank(env.get(ENV_BASE_URL)), campaign, nodes,
        timeout, nodeCount, trace, help);
    settings.triggerApiUrl = nonBlank(env.get(ENV_TRIGGER_API_URL));
    if (!help && key != null) {
      settings.requireIds(multipleNodes);
    }
    return settings;
  }

  private void requireIds(boolean multipleNodes) {
    String where = baseUrl == null ? "Puffle" : baseUrl;
    if (campaignId == null || nodeIds.isEmpty()) {
      String missing = campaignId == null && nodeIds.isEmpty() ? "the campaign and node ids"
          : campaignId == null ? "the campaign id" : "the node id";
      throw new UsageException(ENV_API_KEY + " is set, so this runs against " + where
          + ", which needs " + missing + ": pass --campaign <uuid> --node <uuid> (or set "
          + ENV_CAMPAIGN + " and " + ENV_NODE + "); unset " + ENV_API_KEY
          + " to run on the embedded emulator");
    }
    if (!multipleNodes && nodeIds.size() > 1) {
      throw new UsageException("this program drafts one node: pass one --node, not " + nodeIds.size());
    }
  }

  /** The usage text of a program. */
  public static String usage(String program, boolean multipleNodes) {
    return "usage: " + program + " [--campaign <uuid> --node <uuid>"
        + (multipleNodes ? " [--node <uuid> ...]" : "") + "] [--timeout <seconds>]"
        + (multipleNodes ? " [--nodes <n>]" : "") + " [--trace]\n"
        + "  Without " + ENV_API_KEY + " it runs on the embedded Puffle emulator"
        + (multipleNodes ? " (--nodes AI nodes, default " + DEFAULT_NODE_COUNT + ")" : "") + ".\n"
        + "  With " + ENV_API_KEY + " (and optionally " + ENV_BASE_URL + ") it runs against that\n"
        + "  server; the ids come from the flags or " + ENV_CAMPAIGN + " / " + ENV_NODE + ".\n"
        + "  --trace prints the client's OpenTelemetry spans and metrics on standard error.\n"
        + "  Exit codes: 0 ok, 1 unexpected error, 2 configuration, 3 Puffle API error, 4 timeout.";
  }

  /** The API key, when one is set: the programs then run against a real server. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The base URL, when set. */
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /** Trigger.dev's API URL from the environment, if set. */
  public Optional<String> triggerApiUrl() {
    return Optional.ofNullable(triggerApiUrl);
  }

  /** The campaign id, when given. */
  public Optional<String> campaignId() {
    return Optional.ofNullable(campaignId);
  }

  /** The node ids given, in order (empty on the emulator). */
  public List<String> nodeIds() {
    return nodeIds;
  }

  /** The timeout of one wait, when given. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** How many AI nodes to seed on the emulator (AsyncDrafts; {@value #DEFAULT_NODE_COUNT} unless given). */
  public int nodeCount() {
    return nodeCount;
  }

  /** Whether {@code --trace} was given: the client's spans and metrics go to standard error. */
  public boolean trace() {
    return trace;
  }

  /** Whether {@code --help} was given. */
  public boolean help() {
    return help;
  }

  /** Whether campaign or node ids were given (they only matter with an API key). */
  public boolean idsGiven() {
    return campaignId != null || !nodeIds.isEmpty();
  }

  @Override
  public String toString() {
    return "Settings{apiKey=" + (apiKey == null ? "unset" : "set") + ", baseUrl=" + baseUrl
        + ", campaign=" + campaignId + ", nodes=" + nodeIds + ", timeout=" + timeout
        + (trace ? ", trace" : "") + "}";
  }

  private static String value(String arg, List<String> rest) {
    if (arg.contains("=")) {
      return arg.substring(arg.indexOf('=') + 1);
    }
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new UsageException(arg + " needs a value");
    }
    return rest.remove(0);
  }

  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  private static Duration seconds(String value) {
    try {
      double seconds = Double.parseDouble(value);
      if (!(seconds > 0) || Double.isInfinite(seconds)) {
        throw new UsageException("--timeout must be a positive number of seconds: " + value);
      }
      return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    } catch (NumberFormatException e) {
      throw new UsageException("--timeout must be a number of seconds: " + value);
    }
  }

  private static int count(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 1 || n > 1000) {
        throw new UsageException("--nodes must be between 1 and 1000: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--nodes must be a whole number: " + value);
    }
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
