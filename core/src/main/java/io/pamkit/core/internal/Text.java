// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * Makes text from users and peers safe to put into a log line or an exception message, so that it
 * cannot forge lines (CR, LF) or hide characters. Two forms: {@link #oneLine} replaces control
 * characters with spaces (for a peer's free text), {@link #escaped} shows them as {@code \\uXXXX}
 * (for a value that is reported back to the user who typed it).
 */
public final class Text {
  private Text() {}

  /**
   * Puts text on one line: every ISO control character (CR, LF, TAB, NUL, ...) becomes a space, the
   * result is stripped and cut to {@code max} characters, with {@code "..."} appended when cut.
   *
   * @param text the text, or null
   * @param max the longest result before the ellipsis; positive
   * @return the text on one line; empty for null
   * @throws IllegalArgumentException if {@code max} is not positive
   */
  public static String oneLine(@Nullable String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, was " + max);
    }
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    String r = sb.toString().strip();
    return r.length() > max ? r.substring(0, max) + "..." : r;
  }

  /**
   * Shows every ISO control character as {@code \\uXXXX} and cuts the text to {@code max}
   * characters of input, with {@code "..."} appended when cut.
   *
   * @param text the text
   * @param max the most input characters to show; positive
   * @return the escaped text
   * @throws IllegalArgumentException if {@code max} is not positive
   */
  public static String escaped(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, was " + max);
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
    int n = Math.min(text.length(), max);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (text.length() > max) {
      sb.append("...");
    }
    return sb.toString();
  }
}
