package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sample lead that grounds the AI's writing. One value serves every endpoint; each sends the
 * fields its wire shape has: turns and example runs send first/last/full name, company,
 * position, headline, LinkedIn URL and custom fields; generate-content sends first/last name,
 * email, company, position and custom fields (a full name alone is split into first and last
 * name there).
 *
 * <p>A lead needs a first name or a full name.
 */
public final class Lead {
  private final String firstName;
  private final String lastName;
  private final String fullName;
  private final String company;
  private final String position;
  private final String headline;
  private final String linkedinUrl;
  private final String email;
  private final Map<String, Object> customFields;

  private Lead(Builder b) {
    Validate.check(
        Copies.hasText(b.firstName) || Copies.hasText(b.fullName),
        "lead",
        "must have a first name or a full name");
    this.firstName = Validate.text("lead.firstName", b.firstName);
    this.lastName = Validate.text("lead.lastName", b.lastName);
    this.fullName = Validate.text("lead.fullName", b.fullName);
    this.company = Validate.text("lead.company", b.company);
    this.position = Validate.text("lead.position", b.position);
    this.headline = Validate.text("lead.headline", b.headline);
    this.linkedinUrl = Validate.text("lead.linkedinUrl", b.linkedinUrl);
    this.email = Validate.text("lead.email", b.email);
    this.customFields = Copies.map("lead.customFields", b.customFields);
  }

  /** A builder. Set at least a first name or a full name. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A lead with a first and last name ({@code lastName} may be {@code null}).
   *
   * @throws InvalidInputException when the first name is blank
   */
  public static Lead of(String firstName, String lastName) {
    return builder().firstName(firstName).lastName(lastName).build();
  }

  /** The first name, if set. */
  public Optional<String> firstName() {
    return Optional.ofNullable(firstName);
  }

  /** The last name, if set. */
  public Optional<String> lastName() {
    return Optional.ofNullable(lastName);
  }

  /** The full name, if set. */
  public Optional<String> fullName() {
    return Optional.ofNullable(fullName);
  }

  /** The company, if set. */
  public Optional<String> company() {
    return Optional.ofNullable(company);
  }

  /** The job title, if set. */
  public Optional<String> position() {
    return Optional.ofNullable(position);
  }

  /** The profile headline, if set (not sent by generate-content). */
  public Optional<String> headline() {
    return Optional.ofNullable(headline);
  }

  /** The LinkedIn profile URL, if set (not sent by generate-content). */
  public Optional<String> linkedinUrl() {
    return Optional.ofNullable(linkedinUrl);
  }

  /** The email address, if set (sent by generate-content only). */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /** Extra fields for template variables; unmodifiable, possibly empty. */
  public Map<String, Object> customFields() {
    return customFields;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Lead)) {
      return false;
    }
    Lead l = (Lead) o;
    return Objects.equals(firstName, l.firstName)
        && Objects.equals(lastName, l.lastName)
        && Objects.equals(fullName, l.fullName)
        && Objects.equals(company, l.company)
        && Objects.equals(position, l.position)
        && Objects.equals(headline, l.headline)
        && Objects.equals(linkedinUrl, l.linkedinUrl)
        && Objects.equals(email, l.email)
        && customFields.equals(l.customFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        firstName, lastName, fullName, company, position, headline, linkedinUrl, email,
        customFields);
  }

  @Override
  public String toString() {
    return "Lead{firstName=" + firstName
        + ", lastName=" + lastName
        + ", fullName=" + fullName
        + ", company=" + company
        + ", position=" + position
        + ", customFields=" + customFields.keySet()
        + "}";
  }

  /** Builds a {@link Lead}; every field is optional except a first or full name. */
  public static final class Builder {
    private String firstName;
    private String lastName;
    private String fullName;
    private String company;
    private String position;
    private String headline;
    private String linkedinUrl;
    private String email;
    private final Map<String, Object> customFields = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the first name. */
    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    /** Sets the last name. */
    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    /** Sets the full name. */
    public Builder fullName(String fullName) {
      this.fullName = fullName;
      return this;
    }

    /** Sets the company. */
    public Builder company(String company) {
      this.company = company;
      return this;
    }

    /** Sets the job title. */
    public Builder position(String position) {
      this.position = position;
      return this;
    }

    /** Sets the profile headline. */
    public Builder headline(String headline) {
      this.headline = headline;
      return this;
    }

    /** Sets the LinkedIn profile URL. */
    public Builder linkedinUrl(String linkedinUrl) {
      this.linkedinUrl = linkedinUrl;
      return this;
    }

    /** Sets the email address. */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /** Adds one custom field (a JSON-like value: string, number, boolean, list, map or null). */
    public Builder customField(String key, Object value) {
      customFields.put(Validate.notNull("lead.customFields key", key), value);
      return this;
    }

    /** Adds every entry of {@code fields} to the custom fields. */
    public Builder customFields(Map<String, ?> fields) {
      Validate.notNull("lead.customFields", fields).forEach(this::customField);
      return this;
    }

    /**
     * The lead.
     *
     * @throws InvalidInputException when it has neither a first nor a full name, or a field is
     *     longer than {@link Validate#MAX_TEXT_CHARS}
     */
    public Lead build() {
      return new Lead(this);
    }
  }
}
