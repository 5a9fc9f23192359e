// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.event.EventLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The {@code PAMKIT-MIB} module shipped with pamkit and the object identifiers of its notifications
 * and objects below an enterprise OID.
 *
 * <p>Layout below the enterprise OID {@code E} (default {@code 1.3.6.1.4.1.32473}, the number RFC
 * 5612 reserves for documentation): notifications {@code E.1.0.1} {@code pamkitEventInfo}, {@code
 * E.1.0.2} {@code pamkitEventWarning}, {@code E.1.0.3} {@code pamkitEventAlarm} (the kind of {@link
 * EventLevel#snmpTrapKind()}); objects {@code E.2.1} to {@code E.2.8}: event name, category, level,
 * time, appliance, idempotency key, properties (one JSON object) and event id. SNMPv1 traps use
 * enterprise {@code E.1} with the kind as specific trap (RFC 3584 mapping).
 *
 * <p>Immutable and thread-safe.
 */
public final class PamkitMib {
  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]{0,9}))+");
  private static final String RESOURCE = "/io/pamkit/notify/snmp/PAMKIT-MIB.txt";

  private final String enterpriseOid;

  private PamkitMib(String enterpriseOid) {
    this.enterpriseOid = enterpriseOid;
  }

  /**
   * Returns the layout under the default enterprise OID {@code 1.3.6.1.4.1.32473}.
   *
   * @return the default layout
   */
  public static PamkitMib defaults() {
    return new PamkitMib("1.3.6.1.4.1.32473");
  }

  /**
   * Returns the layout under another enterprise OID.
   *
   * @param enterpriseOid a dotted OID such as {@code 1.3.6.1.4.1.99999}
   * @return the layout
   * @throws IllegalArgumentException if the OID is not a dotted numeric OID
   */
  public static PamkitMib under(String enterpriseOid) {
    requireNonNull(enterpriseOid, "enterpriseOid");
    if (!OID.matcher(enterpriseOid).matches()) {
      throw new IllegalArgumentException(
          "enterpriseOid '" + enterpriseOid + "' is not a dotted numeric OID like 1.3.6.1.4.1.N");
    }
    return new PamkitMib(enterpriseOid);
  }

  /**
   * Returns the enterprise OID, the value of {@code pamkit} in the MIB.
   *
   * @return the dotted OID
   */
  public String enterpriseOid() {
    return enterpriseOid;
  }

  /**
   * Returns the OID of the notification sent for a level ({@code snmpTrapOID.0} of v2c and v3).
   *
   * @param level the event level
   * @return {@code E.1.0.kind}
   */
  public String notificationOid(EventLevel level) {
    return enterpriseOid + ".1.0." + level.snmpTrapKind();
  }

  /**
   * Returns the enterprise of SNMPv1 traps, {@code pamkitNotifications}.
   *
   * @return {@code E.1}
   */
  public String v1EnterpriseOid() {
    return enterpriseOid + ".1";
  }

  /**
   * Returns the OID of object {@code n} of {@code pamkitObjects} (1 name, 2 category, 3 level, 4
   * time, 5 appliance, 6 idempotency key, 7 properties, 8 event id), without the {@code .0}
   * instance.
   *
   * @param n the sub-identifier, 1 to 8
   * @return {@code E.2.n}
   */
  public String objectOid(int n) {
    if (n < 1 || n > 8) {
      throw new IllegalArgumentException("PAMKIT-MIB has objects 1..8, not " + n);
    }
    return enterpriseOid + ".2." + n;
  }

  /**
   * Returns the text of {@code PAMKIT-MIB}, to load into a trap receiver. The module is written for
   * the default enterprise OID; under another OID, change the {@code ::= { enterprises 32473 }}
   * line of its MODULE-IDENTITY.
   *
   * @return the MIB module text
   */
  public static String text() {
    try (InputStream in = PamkitMib.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from pamkit-notify");
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "PamkitMib{" + enterpriseOid + "}";
  }
}
