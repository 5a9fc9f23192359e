// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.HostAddress;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code SyslogServer}: a syslog server that Syslog Events subscribers send to,
 * referenced from a subscriber's {@code SyslogProperties} by {@code SyslogServerId} or {@code
 * SyslogServerName}.
 *
 * <p>Field names, limits and defaults are the schema's ({@code Port} 1 to 32767, default 514), with
 * the same deliberate difference as {@link io.pamkit.core.subscription.SyslogSubscriberProperties}:
 * {@code VerifySslCertificate} defaults to true (the schema says false) because pamkit verifies
 * certificates unless told otherwise.
 *
 * <p><b>Trust-all only by an explicit option.</b> On the appliance {@code VerifySslCertificate:
 * false} (its schema default, so present in every server pasted from it) means any certificate is
 * accepted. pamkit does not follow a pasted {@code false} alone: it still verifies the chain and
 * the host name, logs a warning naming the server, and {@code pamkit validate} reports it.
 * Trust-all needs the pamkit addition {@code TrustAllCertificatesInsecurely: true} on that server
 * as well ({@link Builder#trustAllCertificatesInsecurely}); it is logged as a warning whenever a
 * connection to the server is made. The read-only fields ({@code CreatedDate}, {@code
 * CreatedByUserId}, {@code CreatedByUserDisplayName}) are accepted when reading and ignored.
 *
 * <p>This is the syslog transport's settings class: {@link SyslogTransportProvider} reads it from
 * the document's {@code SyslogServers}. Immutable and thread-safe; built with {@link
 * #builder(String, String)}.
 */
public final class SyslogServer {
  private final int id;
  private final String name;
  private final HostAddress networkAddress;
  private final int port;
  private final SyslogProtocol protocol;
  private final boolean useSslEncryption;
  private final boolean useClientCertificate;
  private final boolean verifySslCertificate;
  private final boolean trustAllCertificatesInsecurely;
  private final SyslogTcpFraming tcpFraming;
  private final SyslogIdentity identity;

  private SyslogServer(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.networkAddress = b.networkAddress;
    this.port = b.port;
    this.protocol = b.protocol;
    this.useSslEncryption = b.useSslEncryption;
    this.useClientCertificate = b.useClientCertificate;
    this.verifySslCertificate = b.verifySslCertificate;
    this.trustAllCertificatesInsecurely = b.trustAllCertificatesInsecurely;
    this.tcpFraming = b.tcpFraming;
    this.identity = b.identity;
  }

  /**
   * Starts a builder.
   *
   * @param name {@code Name}: 1 to 255 characters
   * @param networkAddress {@code NetworkAddress}: an IPv4 address, a [bracketed] IPv6 address or a
   *     DNS name, at most 255 characters
   * @return a new builder
   * @throws ValidationException if either breaks its rule
   */
  public static Builder builder(String name, String networkAddress) {
    return new Builder(name, networkAddress);
  }

  /**
   * Returns a builder holding these values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, networkAddress.text());
    b.id = id;
    b.port = port;
    b.protocol = protocol;
    b.useSslEncryption = useSslEncryption;
    b.useClientCertificate = useClientCertificate;
    b.verifySslCertificate = verifySslCertificate;
    b.trustAllCertificatesInsecurely = trustAllCertificatesInsecurely;
    b.tcpFraming = tcpFraming;
    b.identity = identity;
    return b;
  }

  /**
   * @return {@code Id}: the key subscribers refer to; 0 when not given
   */
  public int id() {
    return id;
  }

  /**
   * @return {@code Name}
   */
  public String name() {
    return name;
  }

  /**
   * @return {@code NetworkAddress}
   */
  public HostAddress networkAddress() {
    return networkAddress;
  }

  /**
   * @return {@code Port}: 1 to 32767, default 514
   */
  public int port() {
    return port;
  }

  /**
   * @return {@code Protocol}: default {@link SyslogProtocol#UDP}
   */
  public SyslogProtocol protocol() {
    return protocol;
  }

  /**
   * @return {@code UseSslEncryption}: TLS, only with {@code Tcp}; default false
   */
  public boolean useSslEncryption() {
    return useSslEncryption;
  }

  /**
   * @return {@code UseClientCertificate}: only with TLS; default false
   */
  public boolean useClientCertificate() {
    return useClientCertificate;
  }

  /**
   * @return {@code VerifySslCertificate}: default true (see the class comment)
   */
  public boolean verifySslCertificate() {
    return verifySslCertificate;
  }

  /**
   * Returns the pamkit addition {@code TrustAllCertificatesInsecurely}: with {@code
   * VerifySslCertificate} false, whether any certificate is really accepted.
   *
   * @return default false
   */
  public boolean trustAllCertificatesInsecurely() {
    return trustAllCertificatesInsecurely;
  }

  /**
   * Returns whether TLS connections to this server accept any certificate: {@code
   * VerifySslCertificate} is false <em>and</em> {@code TrustAllCertificatesInsecurely} is true.
   *
   * @return true only when both say so
   */
  public boolean trustsAllCertificates() {
    return !verifySslCertificate && trustAllCertificatesInsecurely;
  }

  /**
   * @return {@code TcpFraming}: default {@link SyslogTcpFraming#OCTET_COUNTING}
   */
  public SyslogTcpFraming tcpFraming() {
    return tcpFraming;
  }

  /**
   * Returns the pamkit additions {@code HostName}, {@code AppName}, {@code Utf8Bom}, {@code
   * DeviceVendor}, {@code DeviceProduct} and {@code DeviceVersion} of this server: how messages
   * sent to it name their sender. A subscriber's own values win over these, and these over the
   * transport's.
   *
   * @return the identity; every part empty when not given
   */
  public SyslogIdentity identity() {
    return identity;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SyslogServer s)) {
      return false;
    }
    return id == s.id
        && name.equals(s.name)
        && networkAddress.equals(s.networkAddress)
        && port == s.port
        && protocol == s.protocol
        && useSslEncryption == s.useSslEncryption
        && useClientCertificate == s.useClientCertificate
        && verifySslCertificate == s.verifySslCertificate
        && trustAllCertificatesInsecurely == s.trustAllCertificatesInsecurely
        && tcpFraming == s.tcpFraming
        && identity.equals(s.identity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, networkAddress, port, protocol);
  }

  @Override
  public String toString() {
    return "SyslogServer{#"
        + id
        + " "
        + name
        + ", "
        + networkAddress
        + ":"
        + port
        + ", "
        + protocol
        + (useSslEncryption ? "+TLS" : "")
        + "}";
  }

  /** Builds {@link SyslogServer}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private int id;
    private final String name;
    private final HostAddress networkAddress;
    private int port = 514;
    private SyslogProtocol protocol = SyslogProtocol.UDP;
    private boolean useSslEncryption;
    private boolean useClientCertificate;
    private boolean verifySslCertificate = true;
    private boolean trustAllCertificatesInsecurely;
    private SyslogTcpFraming tcpFraming = SyslogTcpFraming.OCTET_COUNTING;
    private SyslogIdentity identity = SyslogIdentity.NONE;

    private Builder(String name, String networkAddress) {
      this.name = required("Name", name, 1, 255);
      required("NetworkAddress", networkAddress, 1, 255);
      this.networkAddress = HostAddress.parse("NetworkAddress", networkAddress);
    }

    /**
     * Sets {@code Id}. Default: 0 (none).
     *
     * @param id 0 or a positive id
     * @return this builder
     */
    public Builder id(int id) {
      this.id = range("Id", id, 0, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets {@code Port}. Default: 514.
     *
     * @param port 1 to 32767, the schema's range
     * @return this builder
     */
    public Builder port(int port) {
      this.port = range("Port", port, 1, 32767);
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
     * Sets {@code UseSslEncryption}. Default: false.
     *
     * @param value whether to use TLS (RFC 5425)
     * @return this builder
     */
    public Builder useSslEncryption(boolean value) {
      this.useSslEncryption = value;
      return this;
    }

    /**
     * Sets {@code UseClientCertificate}. Default: false.
     *
     * @param value whether to present the syslog client certificate
     * @return this builder
     */
    public Builder useClientCertificate(boolean value) {
      this.useClientCertificate = value;
      return this;
    }

    /**
     * Sets {@code VerifySslCertificate}. Default: true.
     *
     * @param value whether to verify the server's certificate and host name
     * @return this builder
     */
    public Builder verifySslCertificate(boolean value) {
      this.verifySslCertificate = value;
      return this;
    }

    /**
     * Sets the pamkit addition {@code TrustAllCertificatesInsecurely}, the explicit opt-in to
     * trust-all TLS for this server: only with it does {@code VerifySslCertificate: false} accept
     * any certificate and any host name (anyone on the network path can then read and forge the
     * messages). Each connection made that way logs a warning. Default: false, the certificate is
     * verified whatever {@code VerifySslCertificate} says.
     *
     * @param value whether {@code VerifySslCertificate: false} really means trust-all
     * @return this builder
     */
    public Builder trustAllCertificatesInsecurely(boolean value) {
      this.trustAllCertificatesInsecurely = value;
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
     * Sets the pamkit additions {@code HostName}, {@code AppName}, {@code Utf8Bom} and the CEF
     * {@code DeviceVendor}, {@code DeviceProduct}, {@code DeviceVersion} of messages sent to this
     * server. Default: {@link SyslogIdentity#NONE} (the transport's).
     *
     * @param identity the identity
     * @return this builder
     */
    public Builder identity(SyslogIdentity identity) {
      this.identity = requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Builds the server.
     *
     * @return the server
     * @throws ValidationException if the address is empty, TLS is asked for without TCP, a client
     *     certificate without TLS, or {@code TrustAllCertificatesInsecurely} with {@code
     *     VerifySslCertificate} true
     */
    public SyslogServer build() {
      java.util.List<io.pamkit.core.Violation> v = new java.util.ArrayList<>();
      if (networkAddress.isDisabled()) {
        v.add(new io.pamkit.core.Violation("NetworkAddress", "is required"));
      }
      if (useSslEncryption && protocol != SyslogProtocol.TCP) {
        v.add(
            new io.pamkit.core.Violation(
                "UseSslEncryption", "is only valid with Protocol Tcp, not " + protocol));
      }
      if (useClientCertificate && !useSslEncryption) {
        v.add(
            new io.pamkit.core.Violation(
                "UseClientCertificate", "is only valid when UseSslEncryption is true"));
      }
      if (trustAllCertificatesInsecurely && verifySslCertificate) {
        v.add(
            new io.pamkit.core.Violation(
                "TrustAllCertificatesInsecurely",
                "is only valid when VerifySslCertificate is false"));
      }
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new SyslogServer(this);
    }
  }

  private static String required(String field, @Nullable String value, int min, int max) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    if (value.length() < min || value.length() > max) {
      throw new ValidationException(
          field,
          "is " + value.length() + " characters long; " + min + " to " + max + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ValidationException(
            field,
            "contains the control character U+"
                + String.format("%04X", (int) value.charAt(i))
                + " at index "
                + i);
      }
    }
    return value;
  }

  private static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value + " is outside " + min + ".." + max);
    }
    return value;
  }
}
