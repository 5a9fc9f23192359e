// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

/** The format of an email body. */
public enum BodyFormat {
  /** {@code text/plain}: values are inserted as they are. */
  TEXT,
  /** {@code text/html}: every value is HTML-escaped before it is inserted. */
  HTML;

  /**
   * Returns the MIME subtype of this format.
   *
   * @return {@code "plain"} or {@code "html"}
   */
  public String mimeSubtype() {
    return this == TEXT ? "plain" : "html";
  }
}
