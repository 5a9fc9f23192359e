package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code ServicesConfig} (the Enable or Disable Services page) as plain data: its
 * nineteen toggles, each enabled by default, plus the page's {@code AuditLogStreamService}
 * (disabled by default) and the per-appliance "Application to Application Enabled (This
 * appliance only)" flag (disabled unless set). What each toggle allows or forbids is decided by
 * pamkit's service-toggle policy engine; this class only holds the settings.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class ServicesConfig {

  /** The toggles of the schema's {@code ServicesConfig}, named as its fields. */
  public enum Toggle {
    /** {@code PasswordChangeEnabled}. */
    PasswordChangeEnabled,
    /** {@code PasswordCheckEnabled}. */
    PasswordCheckEnabled,
    /** {@code PasswordRequestsEnabled}. */
    PasswordRequestsEnabled,
    /** {@code SessionRequestsEnabled}. */
    SessionRequestsEnabled,
    /** {@code SshKeyRequestsEnabled}. */
    SshKeyRequestsEnabled,
    /** {@code ApiKeyRequestsEnabled}. */
    ApiKeyRequestsEnabled,
    /** {@code FileRequestsEnabled}. */
    FileRequestsEnabled,
    /** {@code AssetDiscoveryEnabled}. */
    AssetDiscoveryEnabled,
    /** {@code DirectorySyncEnabled}. */
    DirectorySyncEnabled,
    /** {@code SshKeyCheckEnabled}. */
    SshKeyCheckEnabled,
    /** {@code SshKeyChangeEnabled}. */
    SshKeyChangeEnabled,
    /** {@code SshKeyDiscoveryEnabled}. */
    SshKeyDiscoveryEnabled,
    /** {@code DiscoverAccountsEnabled}. */
    DiscoverAccountsEnabled,
    /** {@code DiscoverServicesEnabled}. */
    DiscoverServicesEnabled,
    /** {@code ApiKeyCheckEnabled}. */
    ApiKeyCheckEnabled,
    /** {@code ApiKeyChangeEnabled}. */
    ApiKeyChangeEnabled,
    /** {@code FileCheckEnabled}. */
    FileCheckEnabled,
    /** {@code FileChangeEnabled}. */
    FileChangeEnabled,
    /** {@code ScimProvisioningEnabled}. */
    ScimProvisioningEnabled
  }

  private final Map<Toggle, Boolean> toggles;
  private final boolean auditLogStreamServiceEnabled;
  private final Map<String, Boolean> applicationToApplication;

  private ServicesConfig(Builder b) {
    this.toggles = Collections.unmodifiableMap(new EnumMap<>(b.toggles));
    this.auditLogStreamServiceEnabled = b.auditLogStreamServiceEnabled;
    this.applicationToApplication =
        Collections.unmodifiableMap(new LinkedHashMap<>(b.applicationToApplication));
  }

  /**
   * Returns the defaults: every toggle enabled, the audit log stream and application to
   * application disabled.
   *
   * @return the default settings
   */
  public static ServicesConfig defaults() {
    return new Builder().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.toggles.putAll(toggles);
    b.auditLogStreamServiceEnabled = auditLogStreamServiceEnabled;
    b.applicationToApplication.putAll(applicationToApplication);
    return b;
  }

  /**
   * Returns whether a toggle is on.
   *
   * @param toggle the toggle
   * @return its value; true unless set otherwise
   */
  public boolean enabled(Toggle toggle) {
    return toggles.get(requireNonNull(toggle, "toggle"));
  }

  /**
   * Returns every toggle's value.
   *
   * @return an unmodifiable map holding all nineteen toggles
   */
  public Map<Toggle, Boolean> toggles() {
    return toggles;
  }

  /** @return {@code AuditLogStreamService.Enabled}: default false */
  public boolean auditLogStreamServiceEnabled() {
    return auditLogStreamServiceEnabled;
  }

  /**
   * Returns whether Application to Application is enabled on one appliance.
   *
   * @param applianceId the appliance's id
   * @return the flag set for that appliance; false when not set
   */
  public boolean applicationToApplicationEnabled(String applianceId) {
    return applicationToApplication.getOrDefault(requireNonNull(applianceId, "applianceId"), false);
  }

  /**
   * Returns the per-appliance Application to Application flags that were set.
   *
   * @return an unmodifiable map from appliance id to flag, in the order given
   */
  public Map<String, Boolean> applicationToApplication() {
    return applicationToApplication;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServicesConfig
        && ((ServicesConfig) o).toggles.equals(toggles)
        && ((ServicesConfig) o).auditLogStreamServiceEnabled == auditLogStreamServiceEnabled
        && ((ServicesConfig) o).applicationToApplication.equals(applicationToApplication);
  }

  @Override
  public int hashCode() {
    return toggles.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder off = new StringBuilder();
    toggles.forEach((t, v) -> {
      if (!v) {
        off.append(off.length() == 0 ? "" : ",").append(t);
      }
    });
    return "ServicesConfig{disabled=[" + off + "], auditLogStream=" + auditLogStreamServiceEnabled
        + ", a2a=" + applicationToApplication + "}";
  }

  /** Builds {@link ServicesConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final EnumMap<Toggle, Boolean> toggles = new EnumMap<>(Toggle.class);
    private boolean auditLogStreamServiceEnabled;
    private final Map<String, Boolean> applicationToApplication = new LinkedHashMap<>();

    private Builder() {
      for (Toggle t : Toggle.values()) {
        toggles.put(t, true);
      }
    }

    /**
     * Sets a toggle. Default: true for every toggle.
     *
     * @param toggle the toggle
     * @param enabled its value
     * @return this builder
     */
    public Builder set(Toggle toggle, boolean enabled) {
      toggles.put(requireNonNull(toggle, "toggle"), enabled);
      return this;
    }

    /**
     * Sets {@code AuditLogStreamService.Enabled}. Default: false.
     *
     * @param enabled whether audit data is streamed to the session appliance
     * @return this builder
     */
    public Builder auditLogStreamServiceEnabled(boolean enabled) {
      this.auditLogStreamServiceEnabled = enabled;
      return this;
    }

    /**
     * Sets the Application to Application flag of one appliance. Default: false for every
     * appliance.
     *
     * @param applianceId the appliance's id; 1 to 255 characters
     * @param enabled the flag
     * @return this builder
     */
    public Builder applicationToApplication(String applianceId, boolean enabled) {
      Checks.required("ApplicationToApplicationEnabled", applianceId, 1, 255);
      applicationToApplication.put(applianceId, enabled);
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the immutable settings
     */
    public ServicesConfig build() {
      return new ServicesConfig(this);
    }
  }
}
