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

  /**
   * Returns a URL (or text meant as one, even malformed) fit for an error message: user information
   * becomes {@code ******} ({@code https://******@host/}), and so does every value of the query and
   * the fragment ({@code ?token=******}), where secrets also travel. The scheme, host, port and
   * path stay, so the message still says which URL is meant.
   *
   * @param url the URL as given
   * @return the URL without credentials
   */
  public static String redactedUrl(String url) {
    int slashes = url.indexOf("//");
    int authority = slashes >= 0 ? slashes + 2 : 0;
    int end = url.length();
    for (int i = authority; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    StringBuilder sb = new StringBuilder(url.length());
    int at = url.lastIndexOf('@', end - 1);
    if (at >= authority) {
      sb.append(url, 0, authority).append("******");
      sb.append(url, at, end);
    } else {
      sb.append(url, 0, end);
    }
    int i = end;
    while (i < url.length()) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        int next = url.indexOf(c == '?' ? '#' : '\uFFFF', i + 1);
        int stop = next < 0 ? url.length() : next;
        sb.append(c).append(maskedParameters(url.substring(i + 1, stop)));
        i = stop;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static String maskedParameters(String query) {
    if (query.isEmpty()) {
      return query;
    }
    StringBuilder sb = new StringBuilder();
    String[] parts = query.split("[&;]", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      int eq = parts[i].indexOf('=');
      sb.append(eq >= 0 ? parts[i].substring(0, eq + 1) + "******" : "******");
    }
    return sb.toString();
  }
}
