// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.sessionlink.internal.Addresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's certificate is trusted but does not name the address that was used (seed 003's
 * "hostname 'examplespp.company' doesn't match '192.0.2.123'"). {@link #certificateNames()} lists
 * the names and addresses the certificate does carry, and {@link #suggestedAddress()} the one to
 * connect to (and to enter when joining) instead: its IPv4 address if it has one, else its DNS
 * name. The other way out is a server certificate that names the address in use.
 */
public final class TlsHostnameMismatchException extends TlsException {
  private static final long serialVersionUID = 1L;

  private final String address;
  private final List<String> certificateNames;

  /**
   * Creates the exception from names alone (when the certificate itself is not at hand, e.g. a
   * mismatch the session appliance reports about the password appliance).
   *
   * @param address the host name or IP address that was connected to
   * @param certificateNames the subject alternative names (or, failing those, the common name) of
   *     the appliance's certificate
   * @param uri the request's URI
   * @param cause the handshake failure
   */
  public TlsHostnameMismatchException(
      String address, List<String> certificateNames, @Nullable URI uri, @Nullable Throwable cause) {
    this(address, certificateNames, uri, cause, resolution(certificateNames));
  }

  /**
   * Creates the exception from core's host-name check of the appliance's certificate; the advice on
   * which address to use is {@link HostnameMatch#explanation()}.
   *
   * @param match the failed check
   * @param uri the request's URI
   * @param cause the handshake failure
   * @throws IllegalArgumentException if the check matched
   */
  public TlsHostnameMismatchException(
      HostnameMatch match, @Nullable URI uri, @Nullable Throwable cause) {
    this(match.host(), names(match), uri, cause, advice(match));
  }

  private TlsHostnameMismatchException(
      String address,
      List<String> certificateNames,
      @Nullable URI uri,
      @Nullable Throwable cause,
      String resolution) {
    super(
        "TLS host-name mismatch: the appliance's certificate names "
            + certificateNames
            + ", not '"
            + address
            + "'",
        0,
        null,
        uri,
        resolution,
        cause);
    this.address = requireNonNull(address, "address");
    this.certificateNames = List.copyOf(certificateNames);
  }

  private static List<String> names(HostnameMatch match) {
    if (match.matches()) {
      throw new IllegalArgumentException("the certificate matches " + match.host());
    }
    List<String> out = new ArrayList<>(match.dnsNames());
    out.addAll(match.ipAddresses());
    String cn = match.commonName();
    if (out.isEmpty() && cn != null) {
      out.add(cn);
    }
    return out;
  }

  private static String advice(HostnameMatch match) {
    return match.explanation() + " After a failed join wait about five minutes before retrying.";
  }

  private static String resolution(List<String> names) {
    String suggested = suggest(names);
    if (suggested == null) {
      return "set up an SSL server certificate for the appliance whose Common Name or "
          + "subjectAltName matches its address, then retry; after a failed join wait about five "
          + "minutes before retrying";
    }
    return "connect to (and join with) '"
        + suggested
        + "', which the certificate names, or set up an SSL server certificate that names the "
        + "address in use; after a failed join wait about five minutes before retrying";
  }

  private static @Nullable String suggest(List<String> names) {
    for (String n : names) {
      if (Addresses.isIpLiteral(n) && n.indexOf(':') < 0) {
        return n;
      }
    }
    for (String n : names) {
      if (!Addresses.isIpLiteral(n) && !n.startsWith("*")) {
        return n;
      }
    }
    return null;
  }

  /**
   * Returns the address that was connected to.
   *
   * @return the host name or IP address
   */
  public String address() {
    return address;
  }

  /**
   * Returns what the certificate names: its subject alternative names, or its common name.
   *
   * @return an immutable list, possibly empty
   */
  public List<String> certificateNames() {
    return certificateNames;
  }

  /**
   * Returns the address to use instead: the certificate's IPv4 address if it has one (the join
   * accepts IPv4 addresses only), else its first DNS name.
   *
   * @return the address, or empty when the certificate names nothing usable
   */
  public Optional<String> suggestedAddress() {
    return Optional.ofNullable(suggest(certificateNames));
  }
}
