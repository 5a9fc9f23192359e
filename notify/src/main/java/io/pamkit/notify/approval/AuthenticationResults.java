// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import io.pamkit.core.internal.OrganizationalDomains;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A reader of the {@code Authentication-Results} header (RFC 8601 §2.2): {@code authserv-id
 * [version] ; method[/version]=result [reason=...] [ptype.property=value ...] ; ...}, with RFC 5322
 * comments removed. Lenient where the grammar allows variation, linear in the header's length.
 */
final class AuthenticationResults {
  /** One {@code method=result} with its properties (lower-cased keys and values). */
  record Result(String method, String result, Map<String, String> properties) {}

  private final String authservId;
  private final List<Result> results;

  private AuthenticationResults(String authservId, List<Result> results) {
    this.authservId = authservId;
    this.results = List.copyOf(results);
  }

  String authservId() {
    return authservId;
  }

  List<Result> results() {
    return results;
  }

  /** Parses one header value; empty when it has no authserv-id. */
  static Optional<AuthenticationResults> parse(String header) {
    String text = stripComments(header.length() > 8192 ? header.substring(0, 8192) : header);
    List<String> parts = splitSemicolons(text);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String[] head = parts.get(0).strip().split("\\s+");
    if (head.length == 0 || head[0].isEmpty()) {
      return Optional.empty();
    }
    String id = head[0].toLowerCase(Locale.ROOT);
    List<Result> results = new ArrayList<>();
    for (int i = 1; i < parts.size(); i++) {
      String[] words = parts.get(i).strip().split("\\s+");
      if (words.length == 0 || words[0].indexOf('=') <= 0) {
        continue; // "none", or not a resinfo
      }
      String[] mr = words[0].split("=", 2);
      String method = mr[0].toLowerCase(Locale.ROOT);
      int slash = method.indexOf('/');
      if (slash > 0) {
        method = method.substring(0, slash);
      }
      Map<String, String> props = new LinkedHashMap<>();
      for (int w = 1; w < words.length; w++) {
        int eq = words[w].indexOf('=');
        if (eq > 0) {
          props.put(
              words[w].substring(0, eq).toLowerCase(Locale.ROOT),
              unquote(words[w].substring(eq + 1)).toLowerCase(Locale.ROOT));
        }
      }
      results.add(new Result(method, mr[1].strip().toLowerCase(Locale.ROOT), props));
    }
    return Optional.of(new AuthenticationResults(id, results));
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  private static String stripComments(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        if (depth == 0) {
          sb.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (quoted) {
        sb.append(c);
        quoted = c != '"';
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        quoted = c == '"';
        sb.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
      }
    }
    return sb.toString();
  }

  private static List<String> splitSemicolons(String s) {
    List<String> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /**
   * Returns whether a domain is aligned with the From domain under DMARC's relaxed rule (RFC 7489
   * §3.1.1): both have the same organizational domain, found with the Public Suffix List, so {@code
   * mail.example.com} aligns with {@code example.com} but {@code co.uk} aligns with nothing.
   */
  static boolean aligned(String domain, String fromDomain) {
    String d = domain.startsWith("@") ? domain.substring(1) : domain;
    int at = d.lastIndexOf('@');
    if (at >= 0) {
      d = d.substring(at + 1);
    }
    return OrganizationalDomains.relaxedAligned(d, fromDomain);
  }
}
