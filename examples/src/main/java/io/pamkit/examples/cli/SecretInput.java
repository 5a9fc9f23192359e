// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.Secret;
import java.io.Console;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a secret the tool needs (a password, a one-time password, an API key): from an environment
 * variable, else from a prompt without echo when the tool runs on a terminal; never from a
 * command-line argument, where other users of the machine could read it.
 */
final class SecretInput {
  private SecretInput() {}

  /**
   * Reads a secret.
   *
   * @param environment the tool's environment
   * @param variable the variable read first, e.g. {@code PAMKIT_PASSWORD}
   * @param what what the secret is, for the messages, e.g. {@code password for admin}
   * @param prompt what the prompt says, e.g. {@code Password of admin at https://spp}
   * @return the secret
   * @throws UsageException naming the variable when it is not set and there is no terminal, or when
   *     nothing was typed
   */
  static Secret read(Map<String, String> environment, String variable, String what, String prompt) {
    String fromEnv = environment.get(variable);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Secret.of(fromEnv);
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "no " + what + ": set " + variable + " or run on a terminal to be prompted");
    }
    char[] typed = console.readPassword("%s: ", prompt);
    if (typed == null || typed.length == 0) {
      throw new UsageException("no " + what + " entered");
    }
    try {
      return Secret.of(typed);
    } finally {
      Arrays.fill(typed, '\0');
    }
  }
}
