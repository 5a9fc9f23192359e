package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.net.HostAddress;
import io.pamkit.core.net.Port;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code EmailClientConfig}: the SMTP server that email notifications go
 * through, with the schema's field names, limits and defaults. An empty {@code ServerAddress}
 * disables the email client.
 *
 * <p>Rules: {@code ServerAddress} is an IPv4 address, a [bracketed] IPv6 address or a DNS name
 * of at most 255 characters; {@code PortNumber} 1 to 65535 (default 25); {@code SenderEmail} an
 * RFC 5322 mailbox of at most 512 characters, required when a server address is set; {@code
 * RequireUserAuthentication} needs a credential in {@code ConnectionProperties}; {@code
 * UseClientCertificate} needs {@code RequireTlsFlag} (STARTTLS) or {@code RequireSmtpsFlag}. The
 * read-only fields ({@code UpdatedDate}, {@code UpdatedByUserId}, {@code
 * UpdatedByUserDisplayName}) are accepted when reading and ignored.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class EmailClientConfig {
  private final HostAddress serverAddress;
  private final int portNumber;
  private final @Nullable EmailAddress senderEmail;
  private final boolean requireTlsFlag;
  private final boolean requireSmtpsFlag;
  private final boolean verifySslCertificate;
  private final boolean requireUserAuthentication;
  private final boolean useClientCertificate;
  private final ConnectionProperties connectionProperties;

  private EmailClientConfig(Builder b) {
    this.serverAddress = b.serverAddress;
    this.portNumber = b.portNumber;
    this.senderEmail = b.senderEmail;
    this.requireTlsFlag = b.requireTlsFlag;
    this.requireSmtpsFlag = b.requireSmtpsFlag;
    this.verifySslCertificate = b.verifySslCertificate;
    this.requireUserAuthentication = b.requireUserAuthentication;
    this.useClientCertificate = b.useClientCertificate;
    this.connectionProperties = b.connectionProperties;
  }

  /**
   * Returns the schema's defaults: no server (email disabled), port 25, STARTTLS required,
   * certificates verified, no authentication.
   *
   * @return the default configuration
   */
  public static EmailClientConfig defaults() {
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
    b.serverAddress = serverAddress;
    b.portNumber = portNumber;
    b.senderEmail = senderEmail;
    b.requireTlsFlag = requireTlsFlag;
    b.requireSmtpsFlag = requireSmtpsFlag;
    b.verifySslCertificate = verifySslCertificate;
    b.requireUserAuthentication = requireUserAuthentication;
    b.useClientCertificate = useClientCertificate;
    b.connectionProperties = connectionProperties;
    return b;
  }

  /** @return {@code ServerAddress}; {@linkplain HostAddress#isDisabled() disabled} when empty */
  public HostAddress serverAddress() {
    return serverAddress;
  }

  /** @return whether the email client is enabled (a server address is set) */
  public boolean enabled() {
    return !serverAddress.isDisabled();
  }

  /** @return {@code PortNumber}: 1 to 65535, default 25 */
  public int portNumber() {
    return portNumber;
  }

  /** @return {@code SenderEmail}: the From address of every email, if set */
  public Optional<EmailAddress> senderEmail() {
    return Optional.ofNullable(senderEmail);
  }

  /** @return {@code RequireTlsFlag}: STARTTLS is required (no plain-text fallback); default true */
  public boolean requireTlsFlag() {
    return requireTlsFlag;
  }

  /** @return {@code RequireSmtpsFlag}: TLS from the first byte (SMTPS); default false */
  public boolean requireSmtpsFlag() {
    return requireSmtpsFlag;
  }

  /** @return {@code VerifySslCertificate}: verify the server's certificate; default true */
  public boolean verifySslCertificate() {
    return verifySslCertificate;
  }

  /** @return {@code RequireUserAuthentication}: authenticate to the server; default false */
  public boolean requireUserAuthentication() {
    return requireUserAuthentication;
  }

  /** @return {@code UseClientCertificate}: present a client certificate over TLS; default false */
  public boolean useClientCertificate() {
    return useClientCertificate;
  }

  /** @return {@code ConnectionProperties}: the account to authenticate with */
  public ConnectionProperties connectionProperties() {
    return connectionProperties;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EmailClientConfig)) {
      return false;
    }
    EmailClientConfig c = (EmailClientConfig) o;
    return serverAddress.equals(c.serverAddress)
        && portNumber == c.portNumber
        && Objects.equals(senderEmail, c.senderEmail)
        && requireTlsFlag == c.requireTlsFlag
        && requireSmtpsFlag == c.requireSmtpsFlag
        && verifySslCertificate == c.verifySslCertificate
        && requireUserAuthentication == c.requireUserAuthentication
        && useClientCertificate == c.useClientCertificate
        && connectionProperties.equals(c.connectionProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverAddress, portNumber, senderEmail);
  }

  @Override
  public String toString() {
    return "EmailClientConfig{" + (enabled() ? serverAddress + ":" + portNumber : "disabled")
        + (requireSmtpsFlag ? ", SMTPS" : requireTlsFlag ? ", STARTTLS" : ", no TLS")
        + ", from=" + senderEmail + ", " + connectionProperties + "}";
  }

  /** Builds {@link EmailClientConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private HostAddress serverAddress = HostAddress.disabled();
    private int portNumber = 25;
    private @Nullable EmailAddress senderEmail;
    private boolean requireTlsFlag = true;
    private boolean requireSmtpsFlag;
    private boolean verifySslCertificate = true;
    private boolean requireUserAuthentication;
    private boolean useClientCertificate;
    private ConnectionProperties connectionProperties = ConnectionProperties.none();

    private Builder() {}

    /**
     * Sets {@code ServerAddress}. Default: empty (email disabled).
     *
     * @param address an IPv4 address, a [bracketed] IPv6 address, a DNS name, or empty; at most
     *     255 characters
     * @return this builder
     * @throws ValidationException if the address breaks the rule
     */
    public Builder serverAddress(String address) {
      requireNonNull(address, "ServerAddress");
      Checks.text("ServerAddress", address, 0, 255);
      this.serverAddress = HostAddress.parse("ServerAddress", address);
      return this;
    }

    /**
     * Sets {@code PortNumber}. Default: 25.
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws ValidationException if outside the range
     */
    public Builder portNumber(int port) {
      this.portNumber = Port.of("PortNumber", port).value();
      return this;
    }

    /**
     * Sets {@code SenderEmail}. Default: none; required once a server address is set.
     *
     * @param sender an RFC 5322 mailbox of at most 512 characters, or null
     * @return this builder
     * @throws ValidationException if the address breaks the rule
     */
    public Builder senderEmail(@Nullable String sender) {
      this.senderEmail = sender == null ? null : EmailAddress.parse("SenderEmail", sender);
      return this;
    }

    /**
     * Sets {@code RequireTlsFlag}. Default: true.
     *
     * @param value whether STARTTLS is required
     * @return this builder
     */
    public Builder requireTlsFlag(boolean value) {
      this.requireTlsFlag = value;
      return this;
    }

    /**
     * Sets {@code RequireSmtpsFlag}. Default: false.
     *
     * @param value whether to use SMTPS (implicit TLS)
     * @return this builder
     */
    public Builder requireSmtpsFlag(boolean value) {
      this.requireSmtpsFlag = value;
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
     * Sets {@code RequireUserAuthentication}. Default: false.
     *
     * @param value whether to authenticate
     * @return this builder
     */
    public Builder requireUserAuthentication(boolean value) {
      this.requireUserAuthentication = value;
      return this;
    }

    /**
     * Sets {@code UseClientCertificate}. Default: false.
     *
     * @param value whether to present a client certificate
     * @return this builder
     */
    public Builder useClientCertificate(boolean value) {
      this.useClientCertificate = value;
      return this;
    }

    /**
     * Sets {@code ConnectionProperties}. Default: {@link ConnectionProperties#none()}.
     *
     * @param properties the account to authenticate with
     * @return this builder
     */
    public Builder connectionProperties(ConnectionProperties properties) {
      this.connectionProperties = requireNonNull(properties, "ConnectionProperties");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws ValidationException listing every cross-field rule broken (see the class comment)
     */
    public EmailClientConfig build() {
      java.util.List<io.pamkit.core.Violation> v = new java.util.ArrayList<>();
      if (!serverAddress.isDisabled() && senderEmail == null) {
        v.add(new io.pamkit.core.Violation(
            "SenderEmail", "is required when ServerAddress is set"));
      }
      if (requireUserAuthentication && !connectionProperties.hasCredential()) {
        v.add(new io.pamkit.core.Violation(
            "ConnectionProperties",
            "RequireUserAuthentication is true but no credential is given: set"
                + " ServiceAccountName with ServiceAccountPassword, or AccountReference (the"
                + " appliance never returns the password)"));
      }
      if (useClientCertificate && !requireTlsFlag && !requireSmtpsFlag) {
        v.add(new io.pamkit.core.Violation(
            "UseClientCertificate", "needs RequireTlsFlag or RequireSmtpsFlag"));
      }
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new EmailClientConfig(this);
    }
  }
}
