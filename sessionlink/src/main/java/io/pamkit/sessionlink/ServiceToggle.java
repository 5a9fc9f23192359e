package io.pamkit.sessionlink;

/**
 * One switch of the password appliance's Enable or Disable Services page, as the {@code
 * ServicesConfig} schema names it ({@link #apiName()}).
 *
 * <p>Every switch defaults to on (the schema's {@code default: true}). {@link #perServiceEndpoint()}
 * tells whether {@code ServicesConfig/{serviceName}} accepts it: the {@code ServiceEnabled} enum
 * lacks {@code FileCheckEnabled} and {@code FileChangeEnabled}.
 */
public enum ServiceToggle {
  /** {@code PasswordChangeEnabled}: Change password management. */
  PASSWORD_CHANGE_ENABLED("PasswordChangeEnabled", true, true),
  /** {@code PasswordCheckEnabled}: Check password management. */
  PASSWORD_CHECK_ENABLED("PasswordCheckEnabled", true, true),
  /** {@code PasswordRequestsEnabled}: Password requests. */
  PASSWORD_REQUESTS_ENABLED("PasswordRequestsEnabled", true, true),
  /** {@code SessionRequestsEnabled}: Session requests. */
  SESSION_REQUESTS_ENABLED("SessionRequestsEnabled", true, true),
  /** {@code SshKeyRequestsEnabled}: SSH key requests. */
  SSH_KEY_REQUESTS_ENABLED("SshKeyRequestsEnabled", true, true),
  /** {@code ApiKeyRequestsEnabled}: API key requests. */
  API_KEY_REQUESTS_ENABLED("ApiKeyRequestsEnabled", true, true),
  /** {@code FileRequestsEnabled}: File requests. */
  FILE_REQUESTS_ENABLED("FileRequestsEnabled", true, true),
  /** {@code AssetDiscoveryEnabled}: Asset discovery (not required by the schema). */
  ASSET_DISCOVERY_ENABLED("AssetDiscoveryEnabled", false, true),
  /** {@code DirectorySyncEnabled}: Directory sync (not required by the schema). */
  DIRECTORY_SYNC_ENABLED("DirectorySyncEnabled", false, true),
  /** {@code SshKeyCheckEnabled}: Check SSH key. */
  SSH_KEY_CHECK_ENABLED("SshKeyCheckEnabled", true, true),
  /** {@code SshKeyChangeEnabled}: Change SSH key. */
  SSH_KEY_CHANGE_ENABLED("SshKeyChangeEnabled", true, true),
  /** {@code SshKeyDiscoveryEnabled}: SSH key discovery. */
  SSH_KEY_DISCOVERY_ENABLED("SshKeyDiscoveryEnabled", true, true),
  /** {@code DiscoverAccountsEnabled}: Account discovery. */
  DISCOVER_ACCOUNTS_ENABLED("DiscoverAccountsEnabled", true, true),
  /** {@code DiscoverServicesEnabled}: Service discovery. */
  DISCOVER_SERVICES_ENABLED("DiscoverServicesEnabled", true, true),
  /** {@code ApiKeyCheckEnabled}: API key check. */
  API_KEY_CHECK_ENABLED("ApiKeyCheckEnabled", true, true),
  /** {@code ApiKeyChangeEnabled}: API key change. */
  API_KEY_CHANGE_ENABLED("ApiKeyChangeEnabled", true, true),
  /** {@code FileCheckEnabled}: File check; not settable one by one. */
  FILE_CHECK_ENABLED("FileCheckEnabled", true, false),
  /** {@code FileChangeEnabled}: File change; not settable one by one. */
  FILE_CHANGE_ENABLED("FileChangeEnabled", true, false),
  /** {@code ScimProvisioningEnabled}: SCIM provisioning. */
  SCIM_PROVISIONING_ENABLED("ScimProvisioningEnabled", true, true);

  private final String apiName;
  private final boolean required;
  private final boolean perServiceEndpoint;

  ServiceToggle(String apiName, boolean required, boolean perServiceEndpoint) {
    this.apiName = apiName;
    this.required = required;
    this.perServiceEndpoint = perServiceEndpoint;
  }

  /**
   * Returns the field name in the {@code ServicesConfig} schema.
   *
   * @return the API name, e.g. {@code SessionRequestsEnabled}
   */
  public String apiName() {
    return apiName;
  }

  /**
   * Returns whether the schema lists this field as required in a {@code PUT ServicesConfig} body.
   *
   * @return true when required
   */
  public boolean required() {
    return required;
  }

  /**
   * Returns whether {@code GET/PUT ServicesConfig/{serviceName}} accepts this switch.
   *
   * @return true when the {@code ServiceEnabled} enum contains it
   */
  public boolean perServiceEndpoint() {
    return perServiceEndpoint;
  }

  /**
   * Returns the switch with the given API name.
   *
   * @param apiName the field name, exactly as the API spells it
   * @return the switch
   * @throws IllegalArgumentException if no switch has that name
   */
  public static ServiceToggle ofApiName(String apiName) {
    for (ServiceToggle t : values()) {
      if (t.apiName.equals(apiName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("not a ServicesConfig field: " + apiName);
  }
}
