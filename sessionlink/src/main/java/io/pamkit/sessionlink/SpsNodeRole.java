// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

/**
 * The roles of a node in a session appliance (SPS) cluster, as Basic Settings > Cluster management
 * shows them.
 */
public enum SpsNodeRole {
  /** Central Management: the node the link is made from. */
  CENTRAL_MANAGEMENT,
  /** Search Master: collects the minions' recordings for search; does not record sessions. */
  SEARCH_MASTER,
  /** Search Minion: records and pushes its recordings to the Search Master. */
  SEARCH_MINION,
  /** Search Local: records and keeps its recordings for local search. */
  SEARCH_LOCAL
}
