// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import io.pamkit.core.ValidationException;
import io.pamkit.notify.email.internal.SettingsChecks;
import java.time.Duration;

/**
 * What the settings of the HTTP email providers (SendGrid, EWS, Graph) hold the same way besides
 * {@link EmailSettings}': the connect and request timeouts, each between 1 ms and 1 hour. The
 * superclass of {@code SendGridConfig}, {@code EwsConfig} and {@code GraphSettings}; immutable.
 */
public abstract class HttpEmailSettings extends EmailSettings {
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  /**
   * For the providers' settings.
   *
   * @param b the builder holding the values
   */
  protected HttpEmailSettings(Builder<?> b) {
    super(b);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the timeout
   */
  public final Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the timeout of one request, from sending it to the end of the response.
   *
   * @return the timeout
   */
  public final Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Sets these shared values on a builder, for {@code toBuilder()}.
   *
   * @param b the new builder
   * @param <B> the builder's type
   * @return the builder
   */
  protected final <B extends Builder<B>> B copyTo(B b) {
    return super.copyTo(b).connectTimeout(connectTimeout).requestTimeout(requestTimeout);
  }

  /**
   * What the HTTP email providers' settings builders set the same way. Not thread-safe; the last
   * call to a setter wins.
   *
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<B extends Builder<B>> extends EmailSettings.Builder<B> {
    private Duration connectTimeout;
    private Duration requestTimeout;

    /**
     * For the providers' settings builders.
     *
     * @param connectTimeout the provider's default connect timeout
     * @param requestTimeout the provider's default request timeout
     */
    protected Builder(Duration connectTimeout, Duration requestTimeout) {
      this.connectTimeout = SettingsChecks.httpTimeout("connectTimeout", connectTimeout);
      this.requestTimeout = SettingsChecks.httpTimeout("requestTimeout", requestTimeout);
    }

    /**
     * Sets the connect timeout (document field {@code ConnectTimeoutSeconds} where the provider
     * reads one). Default: 10 seconds.
     *
     * @param timeout between 1 ms and 1 hour
     * @return this builder
     * @throws ValidationException naming {@code connectTimeout} if out of range
     */
    public final B connectTimeout(Duration timeout) {
      this.connectTimeout = SettingsChecks.httpTimeout("connectTimeout", timeout);
      return self();
    }

    /**
     * Sets the timeout of one request, from sending it to the end of the response (document field
     * {@code RequestTimeoutSeconds} where the provider reads one). Default: the provider's (30
     * seconds; EWS 60).
     *
     * @param timeout between 1 ms and 1 hour
     * @return this builder
     * @throws ValidationException naming {@code requestTimeout} if out of range
     */
    public final B requestTimeout(Duration timeout) {
      this.requestTimeout = SettingsChecks.httpTimeout("requestTimeout", timeout);
      return self();
    }
  }
}
