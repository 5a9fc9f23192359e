// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import io.pamkit.core.ValidationException;
import io.pamkit.core.internal.FieldChecks;
import io.pamkit.core.internal.Text;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Rule checks shared by the configuration classes' setters. */
final class Checks {
  private Checks() {}

  /** Checks length and control characters of an optional text; returns it. */
  static @Nullable String text(String field, @Nullable String value, int min, int max) {
    return text(field, value, min, max, false);
  }

  /** Like {@link #text(String, String, int, int)}; {@code multiline} allows CR, LF and TAB. */
  static @Nullable String text(
      String field, @Nullable String value, int min, int max, boolean multiline) {
    return FieldChecks.text(field, value, min, max, multiline);
  }

  /** Checks a required text. */
  static String required(String field, @Nullable String value, int min, int max) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    String v = text(field, value, min, max);
    return v == null ? value : v;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value + " is outside " + min + ".." + max);
    }
    return value;
  }

  /** Checks an absolute https URL without user info. */
  static URI httpsUrl(String field, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new ValidationException(
          field, "'" + Text.redactedUrl(value) + "' is not a URL: " + e.getReason());
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new ValidationException(
          field,
          "'"
              + Text.redactedUrl(value)
              + "' is not an absolute https URL; plain http is not allowed");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ValidationException(field, "must not contain user information; use credentials");
    }
    return uri;
  }
}
