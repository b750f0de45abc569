package ai.puffle.sdk.testkit;

import java.util.Objects;
import java.util.Optional;

/** One lead (prospect) of a {@link CampaignSeed}. Immutable. */
public final class LeadSeed {
  private final String firstName;
  private final String lastName;
  private final String company;
  private final String position;
  private final String email;
  private final String status;

  private LeadSeed(Builder b) {
    this.firstName = Objects.requireNonNull(b.firstName, "firstName");
    this.lastName = Objects.requireNonNull(b.lastName, "lastName");
    this.company = b.company;
    this.position = b.position;
    this.email = b.email;
    this.status = Objects.requireNonNull(b.status, "status");
  }

  /** A lead with a name and a company, status {@code pending}. */
  public static LeadSeed of(String firstName, String lastName, String company) {
    return builder().firstName(firstName).lastName(lastName).company(company).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first name. */
  public String firstName() {
    return firstName;
  }

  /** The last name. */
  public String lastName() {
    return lastName;
  }

  /** The company. */
  public Optional<String> company() {
    return Optional.ofNullable(company);
  }

  /** The position (job title). */
  public Optional<String> position() {
    return Optional.ofNullable(position);
  }

  /** The email address. */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /** The lead's status in the campaign (default {@code pending}). */
  public String status() {
    return status;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LeadSeed)) {
      return false;
    }
    LeadSeed other = (LeadSeed) o;
    return firstName.equals(other.firstName)
        && lastName.equals(other.lastName)
        && Objects.equals(company, other.company)
        && Objects.equals(position, other.position)
        && Objects.equals(email, other.email)
        && status.equals(other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstName, lastName, company, position, email, status);
  }

  @Override
  public String toString() {
    return "LeadSeed{" + firstName + " " + lastName + "}";
  }

  /** Builds a {@link LeadSeed}. */
  public static final class Builder {
    private String firstName;
    private String lastName;
    private String company;
    private String position;
    private String email;
    private String status = "pending";

    private Builder() {}

    /** Sets the first name (required). */
    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    /** Sets the last name (required). */
    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    /** Sets the company. */
    public Builder company(String company) {
      this.company = company;
      return this;
    }

    /** Sets the position. */
    public Builder position(String position) {
      this.position = position;
      return this;
    }

    /** Sets the email address. */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /** Sets the status (default {@code pending}). */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /** Builds the lead. */
    public LeadSeed build() {
      return new LeadSeed(this);
    }
  }
}
