package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The email framework a chat converges on: an open JSON object. Every key the server sends is
 * kept (read it with {@link #get(String)} or {@link #asMap()}); the typed accessors read the
 * generate-content shape ({@code subject}, {@code body}, {@code blocks}, {@code exampleSubject},
 * {@code exampleBody}) and return empty when a key is missing or has another type. Sessions may
 * carry other shapes, such as {@code {hook, value_prop}}.
 *
 * <p>Templates use {@code %name%} or <code>{{name}}</code> variables; the body may hold
 * {@code &&...&&} instructions for AI-written parts. Two skeletons are equal when their
 * contents are equal.
 */
public final class Skeleton {
  /** Key of the subject template. */
  public static final String SUBJECT = "subject";
  /** Key of the body template. */
  public static final String BODY = "body";
  /** Key of the block list. */
  public static final String BLOCKS = "blocks";
  /** Key of the example subject (camelCase on the wire). */
  public static final String EXAMPLE_SUBJECT = "exampleSubject";
  /** Key of the example body (camelCase on the wire). */
  public static final String EXAMPLE_BODY = "exampleBody";

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_.\\-]*";
  private static final Pattern VARIABLE =
      Pattern.compile("%(" + NAME + ")%|\\{\\{\\s*(" + NAME + ")\\s*\\}\\}");
  private static final Pattern AI_INSTRUCTION = Pattern.compile("&&(.*?)&&", Pattern.DOTALL);

  private final Map<String, Object> values;

  private Skeleton(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * A skeleton holding a deep, unmodifiable copy of {@code values}.
   *
   * @throws InvalidInputException when {@code values} is {@code null} or has a {@code null} key
   */
  public static Skeleton of(Map<String, ?> values) {
    Validate.notNull("skeleton", values);
    return new Skeleton(Copies.map("skeleton", values));
  }

  /** A builder, for tests and tools. */
  public static Builder builder() {
    return new Builder();
  }

  /** The subject template, when present and a string. */
  public Optional<String> subject() {
    return Copies.string(values.get(SUBJECT));
  }

  /** The body template, when present and a string. */
  public Optional<String> body() {
    return Copies.string(values.get(BODY));
  }

  /** The blocks; empty when absent or not a list. Items that are not objects are skipped. */
  public List<Block> blocks() {
    Object raw = values.get(BLOCKS);
    if (!(raw instanceof List)) {
      return Collections.emptyList();
    }
    List<Block> blocks = new ArrayList<>();
    for (Object item : (List<?>) raw) {
      if (item instanceof Map) {
        blocks.add(new Block(Copies.map("skeleton.blocks", (Map<?, ?>) item)));
      }
    }
    return Collections.unmodifiableList(blocks);
  }

  /** A sample subject written from the framework, when present and a string. */
  public Optional<String> exampleSubject() {
    return Copies.string(values.get(EXAMPLE_SUBJECT));
  }

  /** A sample body written from the framework, when present and a string. */
  public Optional<String> exampleBody() {
    return Copies.string(values.get(EXAMPLE_BODY));
  }

  /** The raw value of any key (maps and lists unmodifiable), or {@code null} when absent. */
  public Object get(String key) {
    return values.get(key);
  }

  /** Every key and value, as a deep unmodifiable map in the server's key order. */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * The variable names used in the subject and body, as {@code %name%} or <code>{{name}}</code>,
   * in order of first use (subject first) and without duplicates.
   */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    for (String template : new String[] {subject().orElse(""), body().orElse("")}) {
      Matcher m = VARIABLE.matcher(template);
      while (m.find()) {
        names.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * The instructions for AI-written parts of the body: the text between each pair of
   * {@code &&} markers, trimmed; blank ones are skipped.
   */
  public List<String> aiInstructions() {
    List<String> instructions = new ArrayList<>();
    Matcher m = AI_INSTRUCTION.matcher(body().orElse(""));
    while (m.find()) {
      String text = m.group(1).strip();
      if (!text.isEmpty()) {
        instructions.add(text);
      }
    }
    return Collections.unmodifiableList(instructions);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Skeleton && values.equals(((Skeleton) o).values));
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Skeleton" + values;
  }

  /**
   * One block of a skeleton: a named part of the email with its writing strategy and optional
   * personalization. Unknown keys are kept; typed accessors return empty on a missing key or a
   * wrong type.
   */
  public static final class Block {
    private final Map<String, Object> values;

    private Block(Map<String, Object> values) {
      this.values = values;
    }

    /** A block with these parts; {@code personalization} may be {@code null}. */
    public static Block of(String name, String strategy, Personalization personalization) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", Validate.notNull("block.name", name));
      map.put("strategy", Validate.notNull("block.strategy", strategy));
      if (personalization != null) {
        map.put("personalization", personalization.asMap());
      }
      return new Block(Collections.unmodifiableMap(map));
    }

    /** The block's name, e.g. {@code "hook"}. */
    public Optional<String> name() {
      return Copies.string(values.get("name"));
    }

    /** How the block is written. */
    public Optional<String> strategy() {
      return Copies.string(values.get("strategy"));
    }

    /** How the block is personalized, when present and an object. */
    public Optional<Personalization> personalization() {
      Object raw = values.get("personalization");
      return raw instanceof Map
          ? Optional.of(new Personalization(Copies.map("block.personalization", (Map<?, ?>) raw)))
          : Optional.empty();
    }

    /** The raw value of any key, or {@code null} when absent. */
    public Object get(String key) {
      return values.get(key);
    }

    /** Every key and value, unmodifiable. */
    public Map<String, Object> asMap() {
      return values;
    }

    @Override
    public boolean equals(Object o) {
      return this == o || (o instanceof Block && values.equals(((Block) o).values));
    }

    @Override
    public int hashCode() {
      return values.hashCode();
    }

    @Override
    public String toString() {
      return "Block" + values;
    }
  }

  /** How a block is personalized: the lead fields it uses, the approach, and a fallback. */
  public static final class Personalization {
    private final Map<String, Object> values;

    private Personalization(Map<String, Object> values) {
      this.values = values;
    }

    /** A personalization with these parts; {@code approach} and {@code fallback} may be null. */
    public static Personalization of(List<String> fields, String approach, String fallback) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("fields", Validate.list("personalization.fields", fields, Integer.MAX_VALUE));
      if (approach != null) {
        map.put("approach", approach);
      }
      if (fallback != null) {
        map.put("fallback", fallback);
      }
      return new Personalization(Collections.unmodifiableMap(map));
    }

    /** The lead fields used, e.g. {@code company}; items that are not strings are skipped. */
    public List<String> fields() {
      Object raw = values.get("fields");
      if (!(raw instanceof List)) {
        return Collections.emptyList();
      }
      List<String> fields = new ArrayList<>();
      for (Object item : (List<?>) raw) {
        if (item instanceof String) {
          fields.add((String) item);
        }
      }
      return Collections.unmodifiableList(fields);
    }

    /** How the fields are used. */
    public Optional<String> approach() {
      return Copies.string(values.get("approach"));
    }

    /** What to write when the fields are missing for a lead. */
    public Optional<String> fallback() {
      return Copies.string(values.get("fallback"));
    }

    /** Every key and value, unmodifiable. */
    public Map<String, Object> asMap() {
      return values;
    }

    @Override
    public boolean equals(Object o) {
      return this == o || (o instanceof Personalization && values.equals(((Personalization) o).values));
    }

    @Override
    public int hashCode() {
      return values.hashCode();
    }

    @Override
    public String toString() {
      return "Personalization" + values;
    }
  }

  /** Builds a {@link Skeleton}; keys keep the order they were first set in. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<Object> blocks = new ArrayList<>();

    private Builder() {}

    /** Sets the subject template. */
    public Builder subject(String subject) {
      return put(SUBJECT, subject);
    }

    /** Sets the body template. */
    public Builder body(String body) {
      return put(BODY, body);
    }

    /** Appends a block. */
    public Builder block(Block block) {
      blocks.add(Validate.notNull("skeleton.block", block).asMap());
      values.put(BLOCKS, blocks);
      return this;
    }

    /** Sets the example subject. */
    public Builder exampleSubject(String exampleSubject) {
      return put(EXAMPLE_SUBJECT, exampleSubject);
    }

    /** Sets the example body. */
    public Builder exampleBody(String exampleBody) {
      return put(EXAMPLE_BODY, exampleBody);
    }

    /** Sets any key (copied deeply when built). */
    public Builder put(String key, Object value) {
      values.put(Validate.notNull("skeleton key", key), value);
      return this;
    }

    /** The skeleton. */
    public Skeleton build() {
      return Skeleton.of(values);
    }
  }
}
