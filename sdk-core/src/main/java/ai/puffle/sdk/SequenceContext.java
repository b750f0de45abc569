package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the email being drafted sits in the campaign's sequence, so the AI can write follow-ups
 * that acknowledge earlier touches. Sent as {@code {position, total_nodes, prior_nodes}}; extra
 * keys set with {@link Builder#put} are sent as well.
 */
public final class SequenceContext {
  private static final String POSITION = "position";
  private static final String TOTAL_NODES = "total_nodes";
  private static final String PRIOR_NODES = "prior_nodes";

  private final Map<String, Object> values;

  private SequenceContext(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * A context with a position and a node count.
   *
   * @throws InvalidInputException when either is negative
   */
  public static SequenceContext of(long position, long totalNodes) {
    return builder().position(position).totalNodes(totalNodes).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The position of this email in the sequence, if set. */
  public OptionalLong position() {
    return number(values.get(POSITION));
  }

  /** The number of nodes in the sequence, if set. */
  public OptionalLong totalNodes() {
    return number(values.get(TOTAL_NODES));
  }

  /** Earlier nodes (free-form objects, e.g. their subject and body); empty when unset. */
  public List<Map<String, Object>> priorNodes() {
    Object raw = values.get(PRIOR_NODES);
    if (!(raw instanceof List)) {
      return Collections.emptyList();
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Object item : (List<?>) raw) {
      if (item instanceof Map) {
        nodes.add(Copies.map("sequenceContext.priorNodes", (Map<?, ?>) item));
      }
    }
    return Collections.unmodifiableList(nodes);
  }

  /** The value of any key, or {@code null} when absent. */
  public Object get(String key) {
    return values.get(key);
  }

  /** Every key and value as sent on the wire (snake_case keys), deep unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  private static OptionalLong number(Object value) {
    return value instanceof Number
        ? OptionalLong.of(((Number) value).longValue())
        : OptionalLong.empty();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof SequenceContext && values.equals(((SequenceContext) o).values));
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "SequenceContext" + values;
  }

  /** Builds a {@link SequenceContext}; keys keep the order they were first set in. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the position of this email in the sequence (not negative). */
    public Builder position(long position) {
      values.put(POSITION, Validate.notNegative("sequenceContext.position", position));
      return this;
    }

    /** Sets the number of nodes in the sequence (not negative). */
    public Builder totalNodes(long totalNodes) {
      values.put(TOTAL_NODES, Validate.notNegative("sequenceContext.totalNodes", totalNodes));
      return this;
    }

    /** Sets the earlier nodes, each a free-form object. */
    public Builder priorNodes(List<? extends Map<String, ?>> priorNodes) {
      values.put(
          PRIOR_NODES,
          Validate.list("sequenceContext.priorNodes", priorNodes, Integer.MAX_VALUE));
      return this;
    }

    /** Sets any other key, sent as is. */
    public Builder put(String key, Object value) {
      values.put(Validate.notNull("sequenceContext key", key), value);
      return this;
    }

    /** The context (a deep copy of what was set). */
    public SequenceContext build() {
      return new SequenceContext(Copies.map("sequenceContext", values));
    }
  }
}
