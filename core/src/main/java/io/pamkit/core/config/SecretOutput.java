// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

/** What {@link PamkitConfig#toJson(SecretOutput)} writes in place of a secret. */
public enum SecretOutput {
  /** Leave the field out (the default): the written document can be stored without secrets. */
  OMIT,
  /** Write {@code "******"}: shows that a secret is set without showing it. */
  MASK
}
