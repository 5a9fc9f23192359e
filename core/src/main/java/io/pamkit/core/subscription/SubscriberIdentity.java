// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every subscriber of a document a stable identity, so that idempotency keys ({@code
 * eventId/subscriberId}) differ between subscribers and stay the same across restarts and document
 * reloads.
 *
 * <p>A subscriber keeps its {@code Id} when the document gives one. Otherwise its id is derived
 * from what it delivers to, not from its position: a SHA-256 of its {@code Type}, its destination
 * ({@code EmailAddress}, {@code UserId}, {@code ObjectType}/{@code ObjectId}, the syslog server
 * reference or address, port and protocol, the SNMP address, port, version, engine and user) and
 * its {@code Template}, mapped into {@code [2^30, 2^31)} so that it does not meet the small ids an
 * appliance assigns. Reordering the document, or editing a subscriber's description, subscriptions,
 * filter or enabled flag, keeps the id; changing its destination or template gives a new one
 * (notifications journaled for the old id are then dead-lettered at the next start, with the
 * reason). Secrets (SNMP community and passwords) are not part of the derivation.
 *
 * <p>Two subscribers with the same id (given, or derived from the same destination) are refused,
 * naming both JSON paths. Stateless and thread-safe.
 */
public final class SubscriberIdentity {
  private static final int DERIVED_BASE = 1 << 30;

  private SubscriberIdentity() {}

  /**
   * Derives the id of a subscriber from its type, destination and template (its own {@code Id} is
   * ignored).
   *
   * @param s the subscriber
   * @return an id in {@code [2^30, 2^31)}
   */
  public static int derive(Subscriber s) {
    requireNonNull(s, "s");
    StringBuilder b = new StringBuilder("pamkit-subscriber-v1");
    field(b, s.type());
    field(b, s.emailAddress().map(a -> a.toLowerCase(Locale.ROOT)));
    field(b, s.userId());
    field(b, s.objectType());
    field(b, s.objectId());
    field(b, s.template());
    Optional<SyslogSubscriberProperties> sp = s.syslogProperties();
    field(b, sp.isPresent() ? "syslog" : "");
    if (sp.isPresent()) {
      SyslogSubscriberProperties p = sp.get();
      field(b, p.syslogServerId());
      field(b, p.syslogServerName());
      field(b, p.networkAddress().map(a -> a.toLowerCase(Locale.ROOT)));
      field(b, p.port());
      field(b, p.protocol());
    }
    Optional<SnmpSubscriberProperties> np = s.snmpProperties();
    field(b, np.isPresent() ? "snmp" : "");
    if (np.isPresent()) {
      SnmpSubscriberProperties p = np.get();
      field(b, p.networkAddress().map(a -> a.toLowerCase(Locale.ROOT)));
      field(b, p.port());
      field(b, p.version());
      field(b, p.engineId());
      field(b, p.authenticationUserName());
    }
    byte[] hash = sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    int bits = ByteBuffer.wrap(hash).getInt() & (DERIVED_BASE - 1);
    return DERIVED_BASE | bits;
  }

  /**
   * Returns the subscribers with their identities: each keeps its {@code Id}, or gets the
   * {@linkplain #derive derived} one when it has none (id 0).
   *
   * @param subscribers the document's subscribers, in document order
   * @param paths the JSON path of each subscriber, e.g. {@code $.EventSubscribers[0]}
   * @return the subscribers, in the same order, none with id 0
   * @throws ValidationException if two subscribers have the same id, with both paths
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static List<Subscriber> assign(List<Subscriber> subscribers, List<String> paths) {
    requireNonNull(subscribers, "subscribers");
    requireNonNull(paths, "paths");
    if (subscribers.size() != paths.size()) {
      throw new IllegalArgumentException(
          subscribers.size() + " subscribers but " + paths.size() + " paths");
    }
    List<Subscriber> out = new ArrayList<>(subscribers.size());
    Map<Integer, Integer> seen = new HashMap<>();
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < subscribers.size(); i++) {
      Subscriber s = subscribers.get(i);
      boolean given = s.id() != 0;
      int id = given ? s.id() : derive(s);
      Integer other = seen.putIfAbsent(id, i);
      if (other != null) {
        boolean otherGiven = subscribers.get(other).id() != 0;
        problems.add(
            given
                ? new Violation(
                    paths.get(i) + ".Id", "Id " + id + " is also the Id of " + paths.get(other))
                : new Violation(
                    paths.get(i),
                    "has no Id and "
                        + (otherGiven
                            ? "its derived id " + id + " is the Id of " + paths.get(other)
                            : "delivers to the same destination as " + paths.get(other))
                        + "; give one of them an Id"));
      }
      out.add(given ? s : s.toBuilder().id(id).build());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return out;
  }

  private static void field(StringBuilder b, Object value) {
    Object v = value;
    if (value instanceof Optional<?> o) {
      v = o.isPresent() ? o.get() : "";
    }
    String text = String.valueOf(v);
    b.append('\u0000').append(text.length()).append(':').append(text);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
