// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static io.pamkit.core.subscription.SyslogSubscriberProperties.maxLength;
import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.HostAddress;
import io.pamkit.core.secret.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code SnmpSubscriberProperties}: where and how an SNMP subscriber's traps are
 * sent. The community and the v3 passwords are {@link Secret}s and never print themselves.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. Field names, limits and defaults are
 * the schema's ({@code Port} 162, {@code Community} {@code public}, {@code Version} 2).
 */
public final class SnmpSubscriberProperties {
  private static final Pattern ENGINE_ID = Pattern.compile("(0[xX])?[0-9a-fA-F]+");

  private final @Nullable String networkAddress;
  private final int port;
  private final Secret community;
  private final int version;
  private final @Nullable String engineId;
  private final @Nullable String authenticationUserName;
  private final SnmpAuthenticationType authenticationType;
  private final @Nullable Secret authenticationPassword;
  private final SnmpEncryptionType encryptionType;
  private final @Nullable Secret encryptionPassword;

  private SnmpSubscriberProperties(Builder b) {
    this.networkAddress = b.networkAddress;
    this.port = b.port;
    this.community = b.community;
    this.version = b.version;
    this.engineId = b.engineId;
    this.authenticationUserName = b.authenticationUserName;
    this.authenticationType = b.authenticationType;
    this.authenticationPassword = b.authenticationPassword;
    this.encryptionType = b.encryptionType;
    this.encryptionPassword = b.encryptionPassword;
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
   * Returns a builder initialised with these values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.networkAddress = networkAddress;
    b.port = port;
    b.community = community;
    b.version = version;
    b.engineId = engineId;
    b.authenticationUserName = authenticationUserName;
    b.authenticationType = authenticationType;
    b.authenticationPassword = authenticationPassword;
    b.encryptionType = encryptionType;
    b.encryptionPassword = encryptionPassword;
    return b;
  }

  /**
   * @return {@code NetworkAddress}: the trap receiver's address, if set
   */
  public Optional<String> networkAddress() {
    return Optional.ofNullable(networkAddress);
  }

  /**
   * @return {@code Port}: UDP port, default 162
   */
  public int port() {
    return port;
  }

  /**
   * @return {@code Community}: default {@code public}; used by versions 1 and 2
   */
  public Secret community() {
    return community;
  }

  /**
   * @return {@code Version}: 1, 2 (v2c) or 3; default 2
   */
  public int version() {
    return version;
  }

  /**
   * @return {@code EngineId}: 10 to 66 hex characters ({@code 0x} optional), v3 only
   */
  public Optional<String> engineId() {
    return Optional.ofNullable(engineId);
  }

  /**
   * @return {@code AuthenticationUserName}: the USM user, v3 only
   */
  public Optional<String> authenticationUserName() {
    return Optional.ofNullable(authenticationUserName);
  }

  /**
   * @return {@code AuthenticationType}: default {@link SnmpAuthenticationType#NONE}
   */
  public SnmpAuthenticationType authenticationType() {
    return authenticationType;
  }

  /**
   * @return {@code AuthenticationPassword}, v3 only
   */
  public Optional<Secret> authenticationPassword() {
    return Optional.ofNullable(authenticationPassword);
  }

  /**
   * @return {@code EncryptionType}: default {@link SnmpEncryptionType#NONE}
   */
  public SnmpEncryptionType encryptionType() {
    return encryptionType;
  }

  /**
   * @return {@code EncryptionPassword}, v3 only
   */
  public Optional<Secret> encryptionPassword() {
    return Optional.ofNullable(encryptionPassword);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SnmpSubscriberProperties p)) {
      return false;
    }
    return Objects.equals(networkAddress, p.networkAddress)
        && port == p.port
        && community.equals(p.community)
        && version == p.version
        && Objects.equals(engineId, p.engineId)
        && Objects.equals(authenticationUserName, p.authenticationUserName)
        && authenticationType == p.authenticationType
        && Objects.equals(authenticationPassword, p.authenticationPassword)
        && encryptionType == p.encryptionType
        && Objects.equals(encryptionPassword, p.encryptionPassword);
  }

  @Override
  public int hashCode() {
    return Objects.hash(networkAddress, port, version, engineId, authenticationUserName);
  }

  /** Returns the address, version and security level; never the community or passwords. */
  @Override
  public String toString() {
    return "SnmpSubscriberProperties{"
        + networkAddress
        + ":"
        + port
        + ", v"
        + (version == 2 ? "2c" : String.valueOf(version))
        + (version == 3
            ? ", user="
                + authenticationUserName
                + ", auth="
                + authenticationType
                + ", priv="
                + encryptionType
            : "")
        + "}";
  }

  /** Builds {@link SnmpSubscriberProperties}. Not thread-safe; the last call wins. */
  public static final class Builder {
    private @Nullable String networkAddress;
    private int port = 162;
    private Secret community = Secret.of("public");
    private int version = 2;
    private @Nullable String engineId;
    private @Nullable String authenticationUserName;
    private SnmpAuthenticationType authenticationType = SnmpAuthenticationType.NONE;
    private @Nullable Secret authenticationPassword;
    private SnmpEncryptionType encryptionType = SnmpEncryptionType.NONE;
    private @Nullable Secret encryptionPassword;

    private Builder() {}

    /**
     * Sets {@code NetworkAddress}. Default: none.
     *
     * @param address an IPv4 address, a [bracketed] IPv6 address or a DNS name (see {@link
     *     HostAddress}), at most 255 characters, or null
     * @return this builder
     */
    public Builder networkAddress(@Nullable String address) {
      this.networkAddress = SyslogSubscriberProperties.checkNetworkAddress(address);
      return this;
    }

    /**
     * Sets {@code Port}. Default: 162.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new ValidationException("Port", port + " is outside 1..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets {@code Community}. Default: {@code public}.
     *
     * @param community at most 255 characters
     * @return this builder
     */
    public Builder community(Secret community) {
      requireNonNull(community, "Community");
      if (community.length() > 255) {
        throw new ValidationException("Community", "is longer than 255 characters");
      }
      this.community = community;
      return this;
    }

    /**
     * Sets {@code Version}. Default: 2.
     *
     * @param version 1, 2 (meaning v2c) or 3
     * @return this builder
     */
    public Builder version(int version) {
      if (version < 1 || version > 3) {
        throw new ValidationException("Version", version + " is outside 1..3");
      }
      this.version = version;
      return this;
    }

    /**
     * Sets {@code EngineId}. Default: none (derived from the appliance id when sending).
     *
     * @param engineId 10 to 66 characters of hex digits with an optional {@code 0x}, or null
     * @return this builder
     */
    public Builder engineId(@Nullable String engineId) {
      if (engineId != null) {
        if (engineId.length() < 10 || engineId.length() > 66) {
          throw new ValidationException(
              "EngineId", "is " + engineId.length() + " characters long; 10..66 are allowed");
        }
        if (!ENGINE_ID.matcher(engineId).matches()) {
          throw new ValidationException(
              "EngineId", "'" + engineId + "' is not hexadecimal (0x prefix optional)");
        }
      }
      this.engineId = engineId;
      return this;
    }

    /**
     * Sets {@code AuthenticationUserName}. Default: none.
     *
     * @param user at most 255 characters, or null
     * @return this builder
     */
    public Builder authenticationUserName(@Nullable String user) {
      this.authenticationUserName = maxLength("AuthenticationUserName", user, 255);
      return this;
    }

    /**
     * Sets {@code AuthenticationType}. Default: {@code None}.
     *
     * @param type the authentication protocol
     * @return this builder
     */
    public Builder authenticationType(SnmpAuthenticationType type) {
      this.authenticationType = requireNonNull(type, "AuthenticationType");
      return this;
    }

    /**
     * Sets {@code AuthenticationPassword}. Default: none.
     *
     * @param password at most 255 characters, or null
     * @return this builder
     */
    public Builder authenticationPassword(@Nullable Secret password) {
      this.authenticationPassword = checkSecret("AuthenticationPassword", password);
      return this;
    }

    /**
     * Sets {@code EncryptionType}. Default: {@code None}.
     *
     * @param type the privacy protocol
     * @return this builder
     */
    public Builder encryptionType(SnmpEncryptionType type) {
      this.encryptionType = requireNonNull(type, "EncryptionType");
      return this;
    }

    /**
     * Sets {@code EncryptionPassword}. Default: none.
     *
     * @param password at most 255 characters, or null
     * @return this builder
     */
    public Builder encryptionPassword(@Nullable Secret password) {
      this.encryptionPassword = checkSecret("EncryptionPassword", password);
      return this;
    }

    /**
     * Builds the properties.
     *
     * @return the immutable properties
     * @throws ValidationException for v3 without a user name, authentication without a password of
     *     at least 8 characters (RFC 3414), or privacy without authentication or password
     */
    public SnmpSubscriberProperties build() {
      if (version == 3) {
        if (authenticationUserName == null || authenticationUserName.isBlank()) {
          throw new ValidationException("AuthenticationUserName", "is required for Version 3");
        }
        if (authenticationType != SnmpAuthenticationType.NONE
            && (authenticationPassword == null || authenticationPassword.length() < 8)) {
          throw new ValidationException(
              "AuthenticationPassword",
              "is required with AuthenticationType "
                  + authenticationType
                  + " and must have at least 8 characters (RFC 3414)");
        }
        if (encryptionType != SnmpEncryptionType.NONE) {
          if (authenticationType == SnmpAuthenticationType.NONE) {
            throw new ValidationException(
                "EncryptionType", encryptionType + " needs an AuthenticationType other than None");
          }
          if (encryptionPassword == null || encryptionPassword.length() < 8) {
            throw new ValidationException(
                "EncryptionPassword",
                "is required with EncryptionType "
                    + encryptionType
                    + " and must have at least 8 characters (RFC 3414)");
          }
        }
      }
      return new SnmpSubscriberProperties(this);
    }

    private static @Nullable Secret checkSecret(String field, @Nullable Secret s) {
      if (s != null && s.length() > 255) {
        throw new ValidationException(field, "is longer than 255 characters");
      }
      return s;
    }
  }
}
