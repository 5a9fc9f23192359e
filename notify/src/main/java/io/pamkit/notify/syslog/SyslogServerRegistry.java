// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured syslog servers (the appliance's Syslog page), looked up by {@code Id}, {@code
 * Name} or {@code NetworkAddress} when a Syslog Events subscriber points at one.
 *
 * <p>Thread-safe: reads see a consistent snapshot (copy on write), so servers may be added or
 * removed while notifications are being sent. Names and network addresses are compared without
 * regard to case.
 */
public final class SyslogServerRegistry {
  private volatile List<SyslogServer> servers = List.of();
  private volatile long version;

  private SyslogServerRegistry() {}

  /**
   * Creates a registry holding the given servers.
   *
   * @param servers the servers; ids and names must be unique
   * @return a new registry
   * @throws ValidationException if two servers share an id or a name
   */
  public static SyslogServerRegistry of(SyslogServer... servers) {
    SyslogServerRegistry r = new SyslogServerRegistry();
    for (SyslogServer s : servers) {
      r.put(s);
    }
    return r;
  }

  /**
   * Adds a server, or replaces the one with the same id.
   *
   * @param server the server
   * @throws ValidationException if another server has the same name
   */
  public synchronized void put(SyslogServer server) {
    requireNonNull(server, "server");
    List<SyslogServer> next = new ArrayList<>(servers.size() + 1);
    for (SyslogServer s : servers) {
      boolean sameId = server.id() != 0 && server.id() == s.id();
      if (sameId) {
        continue;
      }
      if (s.name().equalsIgnoreCase(server.name())) {
        throw new ValidationException(
            "Name",
            "'"
                + server.name()
                + "' is already the name of syslog server "
                + (s.id() == 0 ? "(no id)" : String.valueOf(s.id())));
      }
      next.add(s);
    }
    next.add(server);
    servers = List.copyOf(next);
    version++;
  }

  /**
   * Removes the server with the given id.
   *
   * @param id the server's id
   * @return true if a server was removed
   */
  public synchronized boolean remove(int id) {
    List<SyslogServer> next = new ArrayList<>(servers);
    boolean removed = next.removeIf(s -> s.id() != 0 && s.id() == id);
    servers = List.copyOf(next);
    version++;
    return removed;
  }

  /**
   * Returns a number that changes whenever a server is added, replaced or removed, so that users of
   * the registry can cache what they looked up.
   *
   * @return the modification count
   */
  public long version() {
    return version;
  }

  /**
   * Returns every server, in the order added.
   *
   * @return an immutable snapshot
   */
  public List<SyslogServer> list() {
    return servers;
  }

  /**
   * Finds a server by {@code Id}.
   *
   * @param id the id
   * @return the server, or empty
   */
  public Optional<SyslogServer> findById(int id) {
    for (SyslogServer s : servers) {
      if (s.id() != 0 && s.id() == id) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Finds a server by {@code Name}, ignoring case.
   *
   * @param name the name
   * @return the server, or empty
   */
  public Optional<SyslogServer> findByName(String name) {
    requireNonNull(name, "name");
    for (SyslogServer s : servers) {
      if (s.name().equalsIgnoreCase(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Finds the first server with the given {@code NetworkAddress}, ignoring case and IPv6 brackets.
   *
   * @param address the address
   * @return the server, or empty
   */
  public Optional<SyslogServer> findByNetworkAddress(String address) {
    String wanted = normalize(address);
    for (SyslogServer s : servers) {
      if (normalize(s.networkAddress().text()).equals(wanted)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static String normalize(String address) {
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    return a.toLowerCase(Locale.ROOT);
  }
}
