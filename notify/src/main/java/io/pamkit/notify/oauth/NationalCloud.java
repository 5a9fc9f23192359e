// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.oauth;

import java.net.URI;

/**
 * The Microsoft clouds, each with its own Graph host and identity-platform (authority) host. The
 * tenant must live in the cloud chosen; a token from one cloud is refused by another's Graph.
 */
public enum NationalCloud {
  /** The global service: {@code graph.microsoft.com}, {@code login.microsoftonline.com}. */
  GLOBAL("Global", "https://graph.microsoft.com", "https://login.microsoftonline.com"),
  /** US Government L4 (GCC High): {@code graph.microsoft.us}, {@code login.microsoftonline.us}. */
  US_GOVERNMENT("UsGovernment", "https://graph.microsoft.us", "https://login.microsoftonline.us"),
  /** US Government L5 (DoD): {@code dod-graph.microsoft.us}, {@code login.microsoftonline.us}. */
  US_GOVERNMENT_DOD(
      "UsGovernmentDod", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"),
  /**
   * Microsoft 365 operated by 21Vianet (China): {@code microsoftgraph.chinacloudapi.cn}, {@code
   * login.chinacloudapi.cn}.
   */
  CHINA("China", "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn");

  private final String wireName;
  private final URI graphBaseUri;
  private final URI authorityHost;

  NationalCloud(String wireName, String graph, String authority) {
    this.wireName = wireName;
    this.graphBaseUri = URI.create(graph);
    this.authorityHost = URI.create(authority);
  }

  /**
   * Returns the name used in the configuration document (e.g. {@code "UsGovernment"}).
   *
   * @return the document name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the Graph base URI, e.g. {@code https://graph.microsoft.com}.
   *
   * @return the base URI
   */
  public URI graphBaseUri() {
    return graphBaseUri;
  }

  /**
   * Returns the identity platform's base URI, e.g. {@code https://login.microsoftonline.com}.
   *
   * @return the authority host
   */
  public URI authorityHost() {
    return authorityHost;
  }

  /**
   * Returns the app-only scope for Graph in this cloud, {@code graphBaseUri() + "/.default"}.
   *
   * @return the scope
   */
  public String graphScope() {
    return graphBaseUri + "/.default";
  }

  /**
   * Finds a cloud by its document name or constant name, ignoring case.
   *
   * @param name the name
   * @return the cloud
   * @throws IllegalArgumentException if no cloud has that name
   */
  public static NationalCloud fromWireName(String name) {
    for (NationalCloud c : values()) {
      if (c.wireName.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown cloud '"
            + name
            + "'; expected Global,"
            + " UsGovernment, UsGovernmentDod or China");
  }
}
