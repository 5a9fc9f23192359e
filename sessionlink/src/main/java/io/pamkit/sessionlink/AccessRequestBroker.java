package io.pamkit.sessionlink;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The switch that lets a linked session appliance request access and credentials for sessions it initiates (sessions-initiated workflow); the UI calls it Session Module Password Access Enabled.
 *
 * <p>Mirrors the API's {@code AccessRequestBroker} schema field for field (JSON names in PascalCase, as on the
 * wire). Absent or null values are {@code null}; absent lists are empty.
 *
 * @param enabled The {@code Enabled} value.
 */
public record AccessRequestBroker(
    @JsonProperty("Enabled") @Nullable Boolean enabled) {

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this value's fields, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.enabled = enabled;
    return b;
  }

  /** Builds a {@link AccessRequestBroker}; not thread-safe. Every field starts absent (null, false or empty). */
  public static final class Builder {
    private @Nullable Boolean enabled;

    private Builder() {}

    /**
     * Sets {@code Enabled}.
     *
     * @param enabled the value; null for absent
     * @return this builder
     */
    public Builder enabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public AccessRequestBroker build() {
      return new AccessRequestBroker(enabled);
    }
  }
}
