// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import io.pamkit.core.ValidationException;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import org.jspecify.annotations.Nullable;

/**
 * How syslog messages name their sender: the pamkit additions {@code HostName}, {@code AppName},
 * {@code Utf8Bom}, {@code DeviceVendor}, {@code DeviceProduct} and {@code DeviceVersion} of a
 * {@link SyslogServer} or a subscriber's {@code SyslogProperties}. A null part is "not given": the
 * subscriber's part wins over the server's, the server's over the transport's ({@link
 * SyslogTransport.Builder#hostName}, {@link SyslogTransport.Builder#appName}, {@link
 * SyslogTransport.Builder#utf8Bom}, {@link SyslogTransport.Builder#cefDevice}).
 *
 * @param hostName the HOSTNAME (and CEF {@code dvchost}): 1 to 255 printable US-ASCII characters,
 *     or null
 * @param appName the APP-NAME (RFC 3164 TAG): 1 to 48 printable US-ASCII characters, or null
 * @param utf8Bom whether an RFC 5424 MSG starts with the UTF-8 byte order mark, or null
 * @param deviceVendor the CEF Device Vendor: 1 to 255 characters, no control characters, or null
 * @param deviceProduct the CEF Device Product, same rule, or null
 * @param deviceVersion the CEF Device Version, same rule, or null
 */
public record SyslogIdentity(
    @Nullable String hostName,
    @Nullable String appName,
    @Nullable Boolean utf8Bom,
    @Nullable String deviceVendor,
    @Nullable String deviceProduct,
    @Nullable String deviceVersion) {

  /** Nothing given: every part comes from elsewhere. */
  public static final SyslogIdentity NONE = new SyslogIdentity(null, null, null, null, null, null);

  /**
   * Checks the parts.
   *
   * @throws ValidationException naming the field ({@code HostName}, ...) that breaks its rule
   */
  public SyslogIdentity {
    // The same fields of a subscriber's SyslogProperties follow the same rules: its builder checks
    // each value as it is set, with the same messages.
    SyslogSubscriberProperties.builder()
        .hostName(hostName)
        .appName(appName)
        .deviceVendor(deviceVendor)
        .deviceProduct(deviceProduct)
        .deviceVersion(deviceVersion);
  }

  /**
   * Returns the identity a subscriber's properties give.
   *
   * @param p the properties
   * @return their {@code HostName}, {@code AppName}, {@code Utf8Bom} and CEF device fields
   */
  public static SyslogIdentity of(SyslogSubscriberProperties p) {
    return new SyslogIdentity(
        p.hostName().orElse(null),
        p.appName().orElse(null),
        p.utf8Bom().orElse(null),
        p.deviceVendor().orElse(null),
        p.deviceProduct().orElse(null),
        p.deviceVersion().orElse(null));
  }

  /**
   * Returns this identity with each part not given taken from another.
   *
   * @param fallback where the missing parts come from
   * @return the merged identity
   */
  public SyslogIdentity orElse(SyslogIdentity fallback) {
    return new SyslogIdentity(
        hostName != null ? hostName : fallback.hostName,
        appName != null ? appName : fallback.appName,
        utf8Bom != null ? utf8Bom : fallback.utf8Bom,
        deviceVendor != null ? deviceVendor : fallback.deviceVendor,
        deviceProduct != null ? deviceProduct : fallback.deviceProduct,
        deviceVersion != null ? deviceVersion : fallback.deviceVersion);
  }
}
