// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import io.pamkit.notify.email.internal.SettingsChecks;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * What the settings of every email provider (SMTP, SendGrid, EWS, Graph) hold the same way: the SSL
 * context that verifies the server and the channel the transport serves. The superclass of {@code
 * SmtpTransportConfig}, {@code SendGridConfig}, {@code EwsConfig} and {@code GraphSettings};
 * immutable.
 */
public abstract class EmailSettings {
  private final @Nullable SSLContext sslContext;
  private final String channel;

  /**
   * For the providers' settings.
   *
   * @param b the builder holding the values
   */
  protected EmailSettings(Builder<?> b) {
    this.sslContext = b.sslContext;
    this.channel = b.channel;
  }

  /**
   * Returns the SSL context that replaces the JDK's default trust (for SMTP: the trust anchors and
   * the client certificate).
   *
   * @return the context, or empty
   */
  public final Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /**
   * Returns the channel the transport serves.
   *
   * @return the subscribers' {@code Type}, {@code "Email"} by default
   */
  public final String channel() {
    return channel;
  }

  /**
   * Sets these shared values on a builder, for {@code toBuilder()}.
   *
   * @param b the new builder
   * @param <B> the builder's type
   * @return the builder
   */
  protected final <B extends Builder<B>> B copyTo(B b) {
    return b.sslContext(sslContext).channel(channel);
  }

  /**
   * What every email provider's settings builder sets the same way. Not thread-safe; the last call
   * to a setter wins.
   *
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<B extends Builder<B>> {
    private @Nullable SSLContext sslContext;
    private String channel = "Email";

    /** For the providers' settings builders. */
    protected Builder() {}

    /**
     * Returns this builder as its concrete type.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Sets the SSL context whose trust managers verify the server (and whose key managers hold a
     * client certificate, if any). Default: none, the JDK's default trust store (for SMTP, its
     * trust anchors and client certificate). The host name is verified in either case, unless
     * trust-all TLS was asked for explicitly where the provider offers it.
     *
     * @param sslContext the context, or null
     * @return this builder
     */
    public final B sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return self();
    }

    /**
     * Sets the channel the transport serves. Default: {@code "Email"}.
     *
     * @param channel the subscribers' {@code Type}; not blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public final B channel(String channel) {
      this.channel = SettingsChecks.channel(channel);
      return self();
    }
  }
}
