// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a user needs to approve a device login (the display fields of RFC 8628 §3.2; the {@code
 * device_code} stays inside the client).
 *
 * @param userCode the code to enter on the page
 * @param verificationUri the page, {@code verification_uri}
 * @param verificationUriComplete the page with the code filled in, or null when not offered
 * @param expiresIn how long the code lives
 * @param interval how long the client waits between polls
 */
public record DeviceCodeInstructions(
    String userCode,
    String verificationUri,
    @Nullable String verificationUriComplete,
    Duration expiresIn,
    Duration interval) {
  /** Checks the values. */
  public DeviceCodeInstructions {
    requireNonNull(userCode, "userCode");
    requireNonNull(verificationUri, "verificationUri");
    requireNonNull(expiresIn, "expiresIn");
    requireNonNull(interval, "interval");
  }
}
