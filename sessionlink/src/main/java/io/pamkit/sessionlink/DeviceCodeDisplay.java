// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

/**
 * Shows a device login's instructions to the user (RFC 8628 §3.3): the page to open and the code to
 * enter there. Called once per device login, before the client starts polling. The device code
 * itself is never shown.
 */
@FunctionalInterface
public interface DeviceCodeDisplay {

  /**
   * Shows the instructions.
   *
   * @param instructions the user code, the page and how long the code lives
   */
  void show(DeviceCodeInstructions instructions);
}
