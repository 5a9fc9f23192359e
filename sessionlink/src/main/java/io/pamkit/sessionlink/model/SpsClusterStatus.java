package io.pamkit.sessionlink.model;

import java.util.List;

/**
 * The session appliance node's cluster state, from {@code GET /api/cluster/status}.
 *
 * @param nodeId the node's id
 * @param roles its roles as SPS names them, e.g. {@code central-management}
 * @param clusterEnabled whether clustering is enabled
 * @param configurationSync whether configuration synchronisation is on
 */
public record SpsClusterStatus(String nodeId, List<String> roles, boolean clusterEnabled, boolean configurationSync) {
  /** Copies the roles. */
  public SpsClusterStatus {
    roles = List.copyOf(roles);
  }

  /**
   * Returns whether this node is the Central Management node.
   *
   * @return true when it has the {@code central-management} role
   */
  public boolean centralManagement() {
    return roles.contains("central-management");
  }
}
