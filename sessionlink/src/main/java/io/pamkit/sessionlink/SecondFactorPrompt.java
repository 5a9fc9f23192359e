// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.Secret;

/**
 * Answers the second factor of a PKCE login (rSTS steps 7 and 5): called once per login that needs
 * one, with what the appliance said; returns the one-time password. A console prompt, an
 * environment variable or an authenticator app integration can stand behind it.
 */
@FunctionalInterface
public interface SecondFactorPrompt {

  /**
   * Returns the one-time password for this challenge.
   *
   * @param challenge the secondary provider and the appliance's message
   * @return the one-time password
   */
  Secret answer(SecondFactorChallenge challenge);

  /**
   * Returns a prompt that always answers the same one-time password (e.g. from {@code PAMKIT_OTP});
   * a renewal after the code has expired then fails like a wrong code.
   *
   * @param oneTimePassword the code
   * @return the prompt
   */
  static SecondFactorPrompt fixed(Secret oneTimePassword) {
    requireNonNull(oneTimePassword, "oneTimePassword");
    return challenge -> oneTimePassword;
  }
}
