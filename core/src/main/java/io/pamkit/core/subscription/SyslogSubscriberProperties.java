// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.internal.FieldChecks;
import io.pamkit.core.net.HostAddress;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code SyslogSubscriberProperties}: where and how a Syslog Events subscriber's
 * events are sent. A subscriber either points at a configured syslog server ({@link
 * #syslogServerId()} or {@link #syslogServerName()}) or carries its own {@link #networkAddress()}.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. Field names, limits and defaults are
 * the schema's, with one deliberate difference: {@code VerifySslCertificate} defaults to {@code
 * true} when not given (the schema says {@code false}), because pamkit verifies certificates unless
 * told otherwise. A document pasted from the appliance's API always carries the field explicitly,
 * so its meaning is kept.
 */
public final class SyslogSubscriberProperties {
  private final @Nullable Integer syslogServerId;
  private final @Nullable String syslogServerName;
  private final @Nullable String networkAddress;
  private final int port;
  private final boolean useSslEncryption;
  private final boolean useClientCertificate;
  private final boolean verifySslCertificate;
  private final SyslogFacility facility;
  private final @Nullable String keyPrefix;
  private final SyslogProtocol protocol;
  private final @Nullable SyslogFormat logFormat;
  private final SyslogTcpFraming tcpFraming;
  private final String timeZoneId;
  private final @Nullable String hostName;
  private final @Nullable String appName;
  private final @Nullable Boolean utf8Bom;
  private final @Nullable String deviceVendor;
  private final @Nullable String deviceProduct;
  private final @Nullable String deviceVersion;

  private SyslogSubscriberProperties(Builder b) {
    this.syslogServerId = b.syslogServerId;
    this.syslogServerName = b.syslogServerName;
    this.networkAddress = b.networkAddress;
    this.port = b.port;
    this.useSslEncryption = b.useSslEncryption;
    this.useClientCertificate = b.useClientCertificate;
    this.verifySslCertificate = b.verifySslCertificate;
    this.facility = b.facility;
    this.keyPrefix = b.keyPrefix;
    this.protocol = b.protocol;
    this.logFormat = b.logFormat;
    this.tcpFraming = b.tcpFraming;
    this.timeZoneId = b.timeZoneId;
    this.hostName = b.hostName;
    this.appName = b.appName;
    this.utf8Bom = b.utf8Bom;
    this.deviceVendor = b.deviceVendor;
    this.deviceProduct = b.deviceProduct;
    this.deviceVersion = b.deviceVersion;
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
    b.syslogServerId = syslogServerId;
    b.syslogServerName = syslogServerName;
    b.networkAddress = networkAddress;
    b.port = port;
    b.useSslEncryption = useSslEncryption;
    b.useClientCertificate = useClientCertificate;
    b.verifySslCertificate = verifySslCertificate;
    b.facility = facility;
    b.keyPrefix = keyPrefix;
    b.protocol = protocol;
    b.logFormat = logFormat;
    b.tcpFraming = tcpFraming;
    b.timeZoneId = timeZoneId;
    b.hostName = hostName;
    b.appName = appName;
    b.utf8Bom = utf8Bom;
    b.deviceVendor = deviceVendor;
    b.deviceProduct = deviceProduct;
    b.deviceVersion = deviceVersion;
    return b;
  }

  /**
   * @return {@code SyslogServerId}: the configured syslog server to use, if any
   */
  public Optional<Integer> syslogServerId() {
    return Optional.ofNullable(syslogServerId);
  }

  /**
   * @return {@code SyslogServerName}: the name of the syslog server configuration, if any
   */
  public Optional<String> syslogServerName() {
    return Optional.ofNullable(syslogServerName);
  }

  /**
   * @return {@code NetworkAddress}: the subscriber's own server address, if any
   */
  public Optional<String> networkAddress() {
    return Optional.ofNullable(networkAddress);
  }

  /**
   * @return {@code Port}: 1 to 32767, default 514
   */
  public int port() {
    return port;
  }

  /**
   * @return {@code UseSslEncryption}: TLS (RFC 5425); only with {@link SyslogProtocol#TCP}
   */
  public boolean useSslEncryption() {
    return useSslEncryption;
  }

  /**
   * @return {@code UseClientCertificate}: present the syslog client certificate over TLS
   */
  public boolean useClientCertificate() {
    return useClientCertificate;
  }

  /**
   * @return {@code VerifySslCertificate}: verify the server's certificate and host name
   */
  public boolean verifySslCertificate() {
    return verifySslCertificate;
  }

  /**
   * @return {@code Facility}: default {@link SyslogFacility#USER}
   */
  public SyslogFacility facility() {
    return facility;
  }

  /**
   * @return {@code KeyPrefix}: the prefix of custom keys in CEF and JSON bodies, if any
   */
  public Optional<String> keyPrefix() {
    return Optional.ofNullable(keyPrefix);
  }

  /**
   * @return {@code Protocol}: default {@link SyslogProtocol#UDP}
   */
  public SyslogProtocol protocol() {
    return protocol;
  }

  /**
   * @return {@code LogFormat}: CEF or JSON; empty means pamkit's plain text body
   */
  public Optional<SyslogFormat> logFormat() {
    return Optional.ofNullable(logFormat);
  }

  /**
   * @return {@code TcpFraming}: default {@link SyslogTcpFraming#OCTET_COUNTING}
   */
  public SyslogTcpFraming tcpFraming() {
    return tcpFraming;
  }

  /**
   * @return {@code TimeZoneId}: the zone of timestamps, default {@code "UTC"}
   */
  public String timeZoneId() {
    return timeZoneId;
  }

  /**
   * Returns {@code HostName}, a pamkit addition: the HOSTNAME of this subscriber's messages (and
   * the CEF {@code dvchost}); empty means the server's, else the transport's (this machine's name).
   *
   * @return the host name, if set
   */
  public Optional<String> hostName() {
    return Optional.ofNullable(hostName);
  }

  /**
   * Returns {@code AppName}, a pamkit addition: the APP-NAME (RFC 3164 TAG) of this subscriber's
   * messages; empty means the server's, else the transport's ({@code pamkit}).
   *
   * @return the app name, if set
   */
  public Optional<String> appName() {
    return Optional.ofNullable(appName);
  }

  /**
   * Returns {@code Utf8Bom}, a pamkit addition: whether an RFC 5424 MSG starts with the UTF-8 byte
   * order mark; empty means the server's, else the transport's (by default: on for plain text, off
   * for CEF and JSON bodies, whose parsers do not expect it).
   *
   * @return the choice, if set
   */
  public Optional<Boolean> utf8Bom() {
    return Optional.ofNullable(utf8Bom);
  }

  /**
   * Returns {@code DeviceVendor}, a pamkit addition: the CEF header's Device Vendor; empty means
   * the server's, else the transport's ({@code pamkit}).
   *
   * @return the vendor, if set
   */
  public Optional<String> deviceVendor() {
    return Optional.ofNullable(deviceVendor);
  }

  /**
   * Returns {@code DeviceProduct}, a pamkit addition: the CEF header's Device Product; empty means
   * the server's, else the transport's ({@code pamkit}).
   *
   * @return the product, if set
   */
  public Optional<String> deviceProduct() {
    return Optional.ofNullable(deviceProduct);
  }

  /**
   * Returns {@code DeviceVersion}, a pamkit addition: the CEF header's Device Version; empty means
   * the server's, else the transport's ({@code 1.0}).
   *
   * @return the version, if set
   */
  public Optional<String> deviceVersion() {
    return Optional.ofNullable(deviceVersion);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SyslogSubscriberProperties p)) {
      return false;
    }
    return Objects.equals(syslogServerId, p.syslogServerId)
        && Objects.equals(syslogServerName, p.syslogServerName)
        && Objects.equals(networkAddress, p.networkAddress)
        && port == p.port
        && useSslEncryption == p.useSslEncryption
        && useClientCertificate == p.useClientCertificate
        && verifySslCertificate == p.verifySslCertificate
        && facility == p.facility
        && Objects.equals(keyPrefix, p.keyPrefix)
        && protocol == p.protocol
        && logFormat == p.logFormat
        && tcpFraming == p.tcpFraming
        && timeZoneId.equals(p.timeZoneId)
        && Objects.equals(hostName, p.hostName)
        && Objects.equals(appName, p.appName)
        && Objects.equals(utf8Bom, p.utf8Bom)
        && Objects.equals(deviceVendor, p.deviceVendor)
        && Objects.equals(deviceProduct, p.deviceProduct)
        && Objects.equals(deviceVersion, p.deviceVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(syslogServerId, syslogServerName, networkAddress, port, protocol);
  }

  @Override
  public String toString() {
    return "SyslogSubscriberProperties{server="
        + (syslogServerId != null ? "#" + syslogServerId : networkAddress + ":" + port)
        + ", protocol="
        + protocol
        + (useSslEncryption ? "+TLS" : "")
        + ", format="
        + (logFormat == null ? "text" : logFormat)
        + "}";
  }

  /** Builds {@link SyslogSubscriberProperties}. Not thread-safe; the last call wins. */
  public static final class Builder {
    private @Nullable Integer syslogServerId;
    private @Nullable String syslogServerName;
    private @Nullable String networkAddress;
    private int port = 514;
    private boolean useSslEncryption;
    private boolean useClientCertificate;
    private boolean verifySslCertificate = true;
    private SyslogFacility facility = SyslogFacility.USER;
    private @Nullable String keyPrefix;
    private SyslogProtocol protocol = SyslogProtocol.UDP;
    private @Nullable SyslogFormat logFormat;
    private SyslogTcpFraming tcpFraming = SyslogTcpFraming.OCTET_COUNTING;
    private String timeZoneId = "UTC";
    private @Nullable String hostName;
    private @Nullable String appName;
    private @Nullable Boolean utf8Bom;
    private @Nullable String deviceVendor;
    private @Nullable String deviceProduct;
    private @Nullable String deviceVersion;

    private Builder() {}

    /**
     * Sets {@code SyslogServerId}. Default: none.
     *
     * @param id the id of a configured syslog server, or null
     * @return this builder
     */
    public Builder syslogServerId(@Nullable Integer id) {
      this.syslogServerId = id;
      return this;
    }

    /**
     * Sets {@code SyslogServerName}. Default: none.
     *
     * @param name at most 255 characters, or null
     * @return this builder
     */
    public Builder syslogServerName(@Nullable String name) {
      this.syslogServerName = maxLength("SyslogServerName", name, 255);
      return this;
    }

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
     * Sets {@code Port}. Default: 514.
     *
     * @param port 1 to 32767, the schema's range
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 32767) {
        throw new ValidationException("Port", port + " is outside 1..32767");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets {@code UseSslEncryption}. Default: false.
     *
     * @param value whether to use TLS
     * @return this builder
     */
    public Builder useSslEncryption(boolean value) {
      this.useSslEncryption = value;
      return this;
    }

    /**
     * Sets {@code UseClientCertificate}. Default: false.
     *
     * @param value whether to present the client certificate
     * @return this builder
     */
    public Builder useClientCertificate(boolean value) {
      this.useClientCertificate = value;
      return this;
    }

    /**
     * Sets {@code VerifySslCertificate}. Default: true (see the class comment).
     *
     * @param value whether to verify the server's certificate and host name
     * @return this builder
     */
    public Builder verifySslCertificate(boolean value) {
      this.verifySslCertificate = value;
      return this;
    }

    /**
     * Sets {@code Facility}. Default: {@link SyslogFacility#USER}.
     *
     * @param facility the facility
     * @return this builder
     */
    public Builder facility(SyslogFacility facility) {
      this.facility = requireNonNull(facility, "Facility");
      return this;
    }

    /**
     * Sets {@code KeyPrefix}. Default: none.
     *
     * @param prefix at most 50 characters, or null
     * @return this builder
     */
    public Builder keyPrefix(@Nullable String prefix) {
      this.keyPrefix = maxLength("KeyPrefix", prefix, 50);
      return this;
    }

    /**
     * Sets {@code Protocol}. Default: {@link SyslogProtocol#UDP}.
     *
     * @param protocol the protocol
     * @return this builder
     */
    public Builder protocol(SyslogProtocol protocol) {
      this.protocol = requireNonNull(protocol, "Protocol");
      return this;
    }

    /**
     * Sets {@code LogFormat}. Default: none (plain text).
     *
     * @param format CEF, JSON, or null for plain text
     * @return this builder
     */
    public Builder logFormat(@Nullable SyslogFormat format) {
      this.logFormat = format;
      return this;
    }

    /**
     * Sets {@code TcpFraming}. Default: {@link SyslogTcpFraming#OCTET_COUNTING}.
     *
     * @param framing the framing
     * @return this builder
     */
    public Builder tcpFraming(SyslogTcpFraming framing) {
      this.tcpFraming = requireNonNull(framing, "TcpFraming");
      return this;
    }

    /**
     * Sets {@code TimeZoneId}. Default: {@code "UTC"}.
     *
     * @param zone a time-zone id that {@link ZoneId#of} accepts, at most 255 characters
     * @return this builder
     */
    public Builder timeZoneId(String zone) {
      requireNonNull(zone, "TimeZoneId");
      maxLength("TimeZoneId", zone, 255);
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new ValidationException("TimeZoneId", "'" + zone + "' is not a known time-zone id");
      }
      this.timeZoneId = zone;
      return this;
    }

    /**
     * Sets {@code HostName} (a pamkit addition). Default: none (the server's, else the
     * transport's).
     *
     * @param name 1 to 255 printable US-ASCII characters (RFC 5424 HOSTNAME), or null
     * @return this builder
     * @throws ValidationException if the name breaks the rule
     */
    public Builder hostName(@Nullable String name) {
      this.hostName = FieldChecks.printable("HostName", name, 255);
      return this;
    }

    /**
     * Sets {@code AppName} (a pamkit addition). Default: none (the server's, else the transport's).
     *
     * @param name 1 to 48 printable US-ASCII characters (RFC 5424 APP-NAME), or null
     * @return this builder
     * @throws ValidationException if the name breaks the rule
     */
    public Builder appName(@Nullable String name) {
      this.appName = FieldChecks.printable("AppName", name, 48);
      return this;
    }

    /**
     * Sets {@code Utf8Bom} (a pamkit addition). Default: none (the server's, else the transport's).
     *
     * @param bom whether an RFC 5424 MSG starts with the UTF-8 BOM, or null
     * @return this builder
     */
    public Builder utf8Bom(@Nullable Boolean bom) {
      this.utf8Bom = bom;
      return this;
    }

    /**
     * Sets {@code DeviceVendor} (a pamkit addition): the CEF header's Device Vendor. Default: none
     * (the server's, else the transport's).
     *
     * @param vendor 1 to 255 characters without control characters, or null
     * @return this builder
     * @throws ValidationException if the value breaks the rule
     */
    public Builder deviceVendor(@Nullable String vendor) {
      this.deviceVendor = text("DeviceVendor", vendor);
      return this;
    }

    /**
     * Sets {@code DeviceProduct} (a pamkit addition): the CEF header's Device Product. Default:
     * none (the server's, else the transport's).
     *
     * @param product 1 to 255 characters without control characters, or null
     * @return this builder
     * @throws ValidationException if the value breaks the rule
     */
    public Builder deviceProduct(@Nullable String product) {
      this.deviceProduct = text("DeviceProduct", product);
      return this;
    }

    /**
     * Sets {@code DeviceVersion} (a pamkit addition): the CEF header's Device Version. Default:
     * none (the server's, else the transport's).
     *
     * @param version 1 to 255 characters without control characters, or null
     * @return this builder
     * @throws ValidationException if the value breaks the rule
     */
    public Builder deviceVersion(@Nullable String version) {
      this.deviceVersion = text("DeviceVersion", version);
      return this;
    }

    /**
     * Builds the properties.
     *
     * @return the immutable properties
     * @throws ValidationException if TLS is asked for without TCP, or a client certificate without
     *     TLS
     */
    public SyslogSubscriberProperties build() {
      if (useSslEncryption && protocol != SyslogProtocol.TCP) {
        throw new ValidationException(
            "UseSslEncryption", "is only valid with Protocol Tcp, not " + protocol);
      }
      if (useClientCertificate && !useSslEncryption) {
        throw new ValidationException(
            "UseClientCertificate", "is only valid when UseSslEncryption is true");
      }
      return new SyslogSubscriberProperties(this);
    }
  }

  /** Checks an optional CEF header value: 1 to 255 characters without control characters. */
  private static @Nullable String text(String field, @Nullable String value) {
    return FieldChecks.text(field, value, 1, 255, false);
  }

  /**
   * Checks a {@code NetworkAddress} of the appliance's subscriber properties: at most 255
   * characters and a {@link HostAddress}; returns it.
   */
  static @Nullable String checkNetworkAddress(@Nullable String address) {
    maxLength("NetworkAddress", address, 255);
    if (address != null) {
      HostAddress.parse("NetworkAddress", address);
    }
    return address;
  }

  static @Nullable String maxLength(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      throw new ValidationException(
          field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    }
    return value;
  }
}
