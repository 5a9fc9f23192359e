// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One node of the session appliance cluster, for the join pre-flight.
 *
 * @param name the node's name or address
 * @param roles its current roles
 * @param plannedSearchRole a search role the node is about to be switched to, or null
 */
public record SpsNode(
    String name, Set<SpsNodeRole> roles, @Nullable SpsNodeRole plannedSearchRole) {
  /**
   * Copies the roles.
   *
   * @throws NullPointerException if name or roles is null
   */
  public SpsNode {
    requireNonNull(name, "name");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /**
   * Creates a node without a planned role change.
   *
   * @param name the node's name
   * @param roles its roles
   * @return the node
   */
  public static SpsNode of(String name, SpsNodeRole... roles) {
    return new SpsNode(
        name, roles.length == 0 ? Set.of() : EnumSet.copyOf(java.util.Arrays.asList(roles)), null);
  }

  /**
   * Returns whether the node can record sessions: every node except a Search Master.
   *
   * @return true when it can record
   */
  public boolean canRecord() {
    return !roles.contains(SpsNodeRole.SEARCH_MASTER);
  }
}
