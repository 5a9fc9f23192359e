// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import org.jspecify.annotations.Nullable;

/**
 * The session appliance node's cluster state as safeguard-ps decides it ({@code
 * src/sessionjoin.psm1}): clustering is on when {@code GET
 * /api/configuration/local_services/cluster} has {@code body.enabled}; the node is the Central
 * Management node when {@code GET /api/cluster/status} succeeds, and not when it fails (the status
 * body's fields are not published, so nothing else is read from it).
 *
 * @param centralManagement whether {@code GET /api/cluster/status} succeeded
 * @param clusterEnabled whether clustering is enabled
 * @param failure SPS's message when the status call failed, else null
 */
public record SpsClusterStatus(
    boolean centralManagement, boolean clusterEnabled, @Nullable String failure) {}
