// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Product version of the code/image of the appliance.
 *
 * <p>Mirrors the API's {@code ProductVersion} schema field for field (JSON names in PascalCase, as
 * on the wire). Absent or null values are {@code null}; absent lists are empty.
 *
 * @param major Major version (Read-only).
 * @param minor Minor version (Read-only).
 * @param revision Revision number (Read-only).
 * @param build Build number (Read-only).
 * @param buildDate Date the code/image was built (Read-only).
 * @param buildVariant Type of build (Read-only).
 * @param buildPlatform Output type of build (Read-only).
 * @param rsmsVersion The {@code RsmsVersion} value.
 * @param osPatchLevel The {@code OsPatchLevel} value.
 */
public record ProductVersion(
    @JsonProperty("Major") @Nullable Integer major,
    @JsonProperty("Minor") @Nullable Integer minor,
    @JsonProperty("Revision") @Nullable Integer revision,
    @JsonProperty("Build") @Nullable Integer build,
    @JsonProperty("BuildDate") @Nullable Instant buildDate,
    @JsonProperty("BuildVariant") @Nullable String buildVariant,
    @JsonProperty("BuildPlatform") @Nullable String buildPlatform,
    @JsonProperty("RsmsVersion") @Nullable String rsmsVersion,
    @JsonProperty("OsPatchLevel") @Nullable Integer osPatchLevel) {

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
    b.major = major;
    b.minor = minor;
    b.revision = revision;
    b.build = build;
    b.buildDate = buildDate;
    b.buildVariant = buildVariant;
    b.buildPlatform = buildPlatform;
    b.rsmsVersion = rsmsVersion;
    b.osPatchLevel = osPatchLevel;
    return b;
  }

  /**
   * Builds a {@link ProductVersion}; not thread-safe. Every field starts absent (null, false or
   * empty).
   */
  public static final class Builder {
    private @Nullable Integer major;
    private @Nullable Integer minor;
    private @Nullable Integer revision;
    private @Nullable Integer build;
    private @Nullable Instant buildDate;
    private @Nullable String buildVariant;
    private @Nullable String buildPlatform;
    private @Nullable String rsmsVersion;
    private @Nullable Integer osPatchLevel;

    private Builder() {}

    /**
     * Sets {@code Major}.
     *
     * @param major the value; null for absent
     * @return this builder
     */
    public Builder major(@Nullable Integer major) {
      this.major = major;
      return this;
    }

    /**
     * Sets {@code Minor}.
     *
     * @param minor the value; null for absent
     * @return this builder
     */
    public Builder minor(@Nullable Integer minor) {
      this.minor = minor;
      return this;
    }

    /**
     * Sets {@code Revision}.
     *
     * @param revision the value; null for absent
     * @return this builder
     */
    public Builder revision(@Nullable Integer revision) {
      this.revision = revision;
      return this;
    }

    /**
     * Sets {@code Build}.
     *
     * @param build the value; null for absent
     * @return this builder
     */
    public Builder build(@Nullable Integer build) {
      this.build = build;
      return this;
    }

    /**
     * Sets {@code BuildDate}.
     *
     * @param buildDate the value; null for absent
     * @return this builder
     */
    public Builder buildDate(@Nullable Instant buildDate) {
      this.buildDate = buildDate;
      return this;
    }

    /**
     * Sets {@code BuildVariant}.
     *
     * @param buildVariant the value; null for absent
     * @return this builder
     */
    public Builder buildVariant(@Nullable String buildVariant) {
      this.buildVariant = buildVariant;
      return this;
    }

    /**
     * Sets {@code BuildPlatform}.
     *
     * @param buildPlatform the value; null for absent
     * @return this builder
     */
    public Builder buildPlatform(@Nullable String buildPlatform) {
      this.buildPlatform = buildPlatform;
      return this;
    }

    /**
     * Sets {@code RsmsVersion}.
     *
     * @param rsmsVersion the value; null for absent
     * @return this builder
     */
    public Builder rsmsVersion(@Nullable String rsmsVersion) {
      this.rsmsVersion = rsmsVersion;
      return this;
    }

    /**
     * Sets {@code OsPatchLevel}.
     *
     * @param osPatchLevel the value; null for absent
     * @return this builder
     */
    public Builder osPatchLevel(@Nullable Integer osPatchLevel) {
      this.osPatchLevel = osPatchLevel;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public ProductVersion build() {
      return new ProductVersion(
          major,
          minor,
          revision,
          build,
          buildDate,
          buildVariant,
          buildPlatform,
          rsmsVersion,
          osPatchLevel);
    }
  }
}
