// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

import io.pamkit.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A parsed template text: literal runs and {@code {{Name}}} placeholders. Supports the plain
 * Mustache variable tag (spaces inside the braces allowed) and comments ({@code {{! ...}}});
 * rejects sections, partials and the unescaped forms ({@code {{{x}}}}, {@code {{&x}}}) so that
 * every value goes through the format's escaping.
 */
final class TemplateText {
  private final List<String> literals;
  private final List<@Nullable String> names;

  private TemplateText(List<String> literals, List<@Nullable String> names) {
    this.literals = literals;
    this.names = names;
  }

  static TemplateText parse(String text, String path) {
    List<String> literals = new ArrayList<>();
    List<@Nullable String> names = new ArrayList<>();
    int pos = 0;
    while (true) {
      int open = text.indexOf("{{", pos);
      if (open < 0) {
        literals.add(text.substring(pos));
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new ValidationException(path, "tag opened at index " + open + " is never closed");
      }
      String inner = text.substring(open + 2, close);
      literals.add(text.substring(pos, open));
      pos = close + 2;
      if (inner.startsWith("!")) {
        names.add(null);
        continue;
      }
      if (inner.startsWith("{") || inner.startsWith("&")) {
        throw new ValidationException(
            path, "unescaped tag {{" + inner + "}} is not supported: every value is escaped");
      }
      String name = inner.strip();
      if (!name.isEmpty() && "#^/>=".indexOf(name.charAt(0)) >= 0) {
        throw new ValidationException(
            path, "tag {{" + inner + "}} is not supported: only {{Placeholder}} tags are");
      }
      if (name.isEmpty()
          || !name.chars()
              .allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
        throw new ValidationException(
            path, "placeholder {{" + inner + "}} is not a name (letters, digits, '_', '.', '-')");
      }
      names.add(name);
    }
    return new TemplateText(literals, names);
  }

  /** Returns the placeholder names used, in order of first use. */
  Set<String> placeholders() {
    Set<String> s = new LinkedHashSet<>();
    for (String n : names) {
      if (n != null) {
        s.add(n);
      }
    }
    return Collections.unmodifiableSet(s);
  }

  /** Renders with the given value lookup; comments render as nothing. */
  String render(Function<String, String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sb.append(literals.get(i));
      String n = names.get(i);
      if (n != null) {
        sb.append(values.apply(n));
      }
    }
    sb.append(literals.get(literals.size() - 1));
    return sb.toString();
  }
}
