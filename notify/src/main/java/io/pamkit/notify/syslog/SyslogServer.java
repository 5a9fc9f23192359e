package io.pamkit.notify.syslog;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code SyslogServer}: a configured syslog server that Syslog Events subscribers
 * point at by {@code SyslogServerId}, {@code SyslogServerName} or {@code NetworkAddress}.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. Field names, limits and defaults are
 * the schema's, except that {@code VerifySslCertificate} defaults to {@code true} (pamkit verifies
 * certificates unless told otherwise, as core's {@code SyslogSubscriberProperties} does).
 */
public final class SyslogServer {
  private final @Nullable Integer id;
  private final String name;
  private final String networkAddress;
  private final int port;
  private final SyslogProtocol protocol;
  private final boolean useSslEncryption;
  private final boolean useClientCertificate;
  private final boolean verifySslCertificate;
  private final SyslogTcpFraming tcpFraming;

  private SyslogServer(Builder b) {
    this.id = b.id;
    this.name = requireNonNull(b.name);
    this.networkAddress = requireNonNull(b.networkAddress);
    this.port = b.port;
    this.protocol = b.protocol;
    this.useSslEncryption = b.useSslEncryption;
    this.useClientCertificate = b.useClientCertificate;
    this.verifySslCertificate = b.verifySslCertificate;
    this.tcpFraming = b.tcpFraming;
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
    b.id = id;
    b.name = name;
    b.networkAddress = networkAddress;
    b.port = port;
    b.protocol = protocol;
    b.useSslEncryption = useSslEncryption;
    b.useClientCertificate = useClientCertificate;
    b.verifySslCertificate = verifySslCertificate;
    b.tcpFraming = tcpFraming;
    return b;
  }

  /**
   * Returns {@code Id}, the unique database id.
   *
   * @return the id, or empty for a server not stored yet
   */
  public Optional<Integer> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Returns {@code Name}.
   *
   * @return 1 to 255 characters
   */
  public String name() {
    return name;
  }

  /**
   * Returns {@code NetworkAddress}: a host name or an IP address.
   *
   * @return 1 to 255 characters
   */
  public String networkAddress() {
    return networkAddress;
  }

  /**
   * Returns {@code Port}.
   *
   * @return 1 to 32767; default 514
   */
  public int port() {
    return port;
  }

  /**
   * Returns {@code Protocol}.
   *
   * @return the protocol; default {@link SyslogProtocol#Udp}
   */
  public SyslogProtocol protocol() {
    return protocol;
  }

  /**
   * Returns {@code UseSslEncryption}: TLS (RFC 5425), only with {@link SyslogProtocol#Tcp}.
   *
   * @return whether TLS is used; default false
   */
  public boolean useSslEncryption() {
    return useSslEncryption;
  }

  /**
   * Returns {@code UseClientCertificate}: present the syslog client certificate over TLS.
   *
   * @return whether the client certificate is presented; default false
   */
  public boolean useClientCertificate() {
    return useClientCertificate;
  }

  /**
   * Returns {@code VerifySslCertificate}: verify the server's certificate chain and host name.
   *
   * @return whether the server is verified; default true
   */
  public boolean verifySslCertificate() {
    return verifySslCertificate;
  }

  /**
   * Returns {@code TcpFraming}; TLS always uses octet counting (RFC 5425).
   *
   * @return the framing; default {@link SyslogTcpFraming#OctetCounting}
   */
  public SyslogTcpFraming tcpFraming() {
    return tcpFraming;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SyslogServer)) {
      return false;
    }
    SyslogServer s = (SyslogServer) o;
    return Objects.equals(id, s.id)
        && name.equals(s.name)
        && networkAddress.equals(s.networkAddress)
        && port == s.port
        && protocol == s.protocol
        && useSslEncryption == s.useSslEncryption
        && useClientCertificate == s.useClientCertificate
        && verifySslCertificate == s.verifySslCertificate
        && tcpFraming == s.tcpFraming;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, networkAddress, port, protocol);
  }

  @Override
  public String toString() {
    return "SyslogServer{id=" + id + ", name=" + name + ", " + networkAddress + ":" + port + ", "
        + protocol + (useSslEncryption ? "+TLS" : "") + "}";
  }

  /** Builds {@link SyslogServer}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private @Nullable Integer id;
    private @Nullable String name;
    private @Nullable String networkAddress;
    private int port = 514;
    private SyslogProtocol protocol = SyslogProtocol.Udp;
    private boolean useSslEncryption;
    private boolean useClientCertificate;
    private boolean verifySslCertificate = true;
    private SyslogTcpFraming tcpFraming = SyslogTcpFraming.OctetCounting;

    private Builder() {}

    /**
     * Sets {@code Id}. Default: none.
     *
     * @param id the database id, or null
     * @return this builder
     */
    public Builder id(@Nullable Integer id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code Name}. Required.
     *
     * @param name 1 to 255 characters
     * @return this builder
     * @throws ValidationException if the name is empty or too long
     */
    public Builder name(String name) {
      this.name = text("Name", name);
      return this;
    }

    /**
     * Sets {@code NetworkAddress}. Required.
     *
     * @param address a host name or IP address (IPv6 with or without brackets), 1 to 255
     *     characters
     * @return this builder
     * @throws ValidationException if the address is empty, too long or contains spaces
     */
    public Builder networkAddress(String address) {
      text("NetworkAddress", address);
      for (int i = 0; i < address.length(); i++) {
        if (address.charAt(i) <= ' ') {
          throw new ValidationException(
              "NetworkAddress", "'" + address + "' contains a space or control character");
        }
      }
      this.networkAddress = address;
      return this;
    }

    /**
     * Sets {@code Port}. Default: 514.
     *
     * @param port 1 to 32767, the schema's range
     * @return this builder
     * @throws ValidationException if the port is out of range
     */
    public Builder port(int port) {
      if (port < 1 || port > 32767) {
        throw new ValidationException("Port", port + " is outside 1..32767");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets {@code Protocol}. Default: {@link SyslogProtocol#Udp}.
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
     * @param value whether to use TLS (only with {@link SyslogProtocol#Tcp})
     * @return this builder
     */
    public Builder useSslEncryption(boolean value) {
      this.useSslEncryption = value;
      return this;
    }

    /**
     * Sets {@code UseClientCertificate}. Default: false.
     *
     * @param value whether to present the client certificate (only with TLS)
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
     * Sets {@code TcpFraming}. Default: {@link SyslogTcpFraming#OctetCounting}.
     *
     * @param framing the framing
     * @return this builder
     */
    public Builder tcpFraming(SyslogTcpFraming framing) {
      this.tcpFraming = requireNonNull(framing, "TcpFraming");
      return this;
    }

    /**
     * Builds the server.
     *
     * @return the immutable server
     * @throws ValidationException if Name or NetworkAddress is missing, TLS is asked for without
     *     TCP, or a client certificate without TLS
     */
    public SyslogServer build() {
      if (name == null) {
        throw new ValidationException("Name", "is required");
      }
      if (networkAddress == null) {
        throw new ValidationException("NetworkAddress", "is required");
      }
      if (useSslEncryption && protocol != SyslogProtocol.Tcp) {
        throw new ValidationException(
            "UseSslEncryption", "is only valid with Protocol Tcp, not " + protocol);
      }
      if (useClientCertificate && !useSslEncryption) {
        throw new ValidationException(
            "UseClientCertificate", "is only valid when UseSslEncryption is true");
      }
      return new SyslogServer(this);
    }

    private static String text(String field, String value) {
      requireNonNull(value, field);
      if (value.isEmpty() || value.length() > 255) {
        throw new ValidationException(
            field, "is " + value.length() + " characters long; 1..255 are allowed");
      }
      return value;
    }
  }
}
