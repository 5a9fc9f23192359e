// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Edits boolean members of a JSON document in place, keeping every other byte: indentation, member
 * order, line endings and the spelling of untouched values. A member that exists has only its value
 * token replaced; a missing one is added as the last member of its object (creating missing parent
 * objects) in the file's style: its line ending, its indentation and its {@code "Name": value}
 * spacing. Token positions come from Jackson's parser.
 */
final class JsonDocumentEditor {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonDocumentEditor() {}

  /**
   * Writes the toggles that differ between two states into the document's {@code ServicesConfig},
   * leaving the rest of the text as it was.
   *
   * @param text the document
   * @param before the state the document holds
   * @param after the state to write
   * @return the edited text; {@code text} itself when nothing differs
   */
  static String servicesConfig(String text, ServiceState before, ServiceState after) {
    String out = text;
    for (Service s : Service.values()) {
      if (s == Service.APPLICATION_TO_APPLICATION_ENABLED) {
        continue;
      }
      if (before.isEnabled(s) != after.isEnabled(s)) {
        List<String> path =
            s == Service.AUDIT_LOG_STREAM_SERVICE
                ? List.of("ServicesConfig", s.wireName(), "Enabled")
                : List.of("ServicesConfig", s.wireName());
        out = setBoolean(out, path, after.isEnabled(s));
      }
    }
    TreeSet<String> appliances = new TreeSet<>(before.applicationToApplication().keySet());
    appliances.addAll(after.applicationToApplication().keySet());
    for (String id : appliances) {
      boolean now = after.isApplicationToApplicationEnabled(id);
      if (before.isApplicationToApplicationEnabled(id) != now) {
        out =
            setBoolean(
                out,
                List.of(
                    "ServicesConfig", Service.APPLICATION_TO_APPLICATION_ENABLED.wireName(), id),
                now);
      }
    }
    return out;
  }

  /**
   * Sets one boolean member, replacing only its value token, or adding it (and missing parent
   * objects) in the file's style.
   *
   * @param text the document, a JSON object
   * @param path member names from the root, at least one
   * @param value the value
   * @return the edited text
   * @throws IllegalArgumentException if the text is not a JSON object, or a member on the path
   *     holds something other than an object, null or (for the last name) a boolean
   */
  static String setBoolean(String text, List<String> path, boolean value) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path is empty");
    }
    Scan scan = Scan.of(text);
    Value existing = scan.values.get(path);
    String literal = Boolean.toString(value);
    if (existing != null) {
      if (existing.token != JsonToken.VALUE_TRUE
          && existing.token != JsonToken.VALUE_FALSE
          && existing.token != JsonToken.VALUE_NULL) {
        throw new IllegalArgumentException(String.join(".", path) + " is not a boolean");
      }
      if (existing.token == (value ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE)) {
        return text;
      }
      int end = existing.offset + (existing.token == JsonToken.VALUE_FALSE ? 5 : 4);
      return text.substring(0, existing.offset) + literal + text.substring(end);
    }
    // The deepest object on the path that exists, and what is missing below it.
    int depth = path.size() - 1;
    while (depth > 0 && !scan.objects.containsKey(path.subList(0, depth))) {
      Value v = scan.values.get(path.subList(0, depth));
      if (v != null) {
        if (v.token != JsonToken.VALUE_NULL) {
          throw new IllegalArgumentException(
              String.join(".", path.subList(0, depth)) + " is not an object");
        }
        // "X": null becomes the object that holds the rest of the path
        Obj parent = scan.objects.get(path.subList(0, depth - 1));
        String indent = parent == null ? "" : scan.memberIndent(parent);
        String rendered =
            scan.render(
                path.subList(depth, path.size()),
                literal,
                indent,
                parent != null && parent.multiLine);
        return text.substring(0, v.offset) + rendered + text.substring(v.offset + 4);
      }
      depth--;
    }
    Obj obj = scan.objects.get(path.subList(0, depth));
    if (obj == null) {
      throw new IllegalArgumentException("the document is not a JSON object");
    }
    String name = path.get(depth);
    List<String> rest = path.subList(depth + 1, path.size());
    String indent = scan.memberIndent(obj);
    String member =
        quote(name)
            + scan.separator
            + (rest.isEmpty() ? literal : scan.render(rest, literal, indent, obj.multiLine));
    int insertAt = obj.close;
    while (insertAt > obj.open + 1 && Character.isWhitespace(text.charAt(insertAt - 1))) {
      insertAt--;
    }
    boolean empty = insertAt == obj.open + 1;
    String addition;
    if (obj.multiLine || empty && obj.path.isEmpty()) {
      addition =
          (empty ? "" : ",")
              + scan.eol
              + indent
              + member
              + (empty ? scan.eol + scan.lineIndent(obj.close) : "");
    } else {
      addition = (empty ? "" : ", ") + member;
    }
    return text.substring(0, insertAt) + addition + text.substring(insertAt);
  }

  private static String quote(String name) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
  }

  /** A scalar value token: where it starts, and which token it is. */
  private record Value(int offset, JsonToken token) {}

  /** An object: its braces and the offset of its first member's name (or -1). */
  private static final class Obj {
    final List<String> path;
    final int open;
    int close;
    int firstKey = -1;
    boolean multiLine;

    Obj(List<String> path, int open) {
      this.path = path;
      this.open = open;
    }
  }

  /** What one pass of the parser learnt about the text. */
  private static final class Scan {
    final String text;
    final Map<List<String>, Obj> objects = new HashMap<>();
    final Map<List<String>, Value> values = new HashMap<>();
    String eol = "\n";
    String unit = "  ";
    String separator = ": ";

    private Scan(String text) {
      this.text = text;
    }

    static Scan of(String text) {
      Scan s = new Scan(text);
      s.eol = text.contains("\r\n") ? "\r\n" : "\n";
      boolean separatorSeen = false;
      try (JsonParser p = FACTORY.createParser(text)) {
        List<String> path = new ArrayList<>();
        List<@Nullable Obj> stack = new ArrayList<>();
        int arrays = 0;
        String field = null;
        int fieldEnd = -1;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          int offset = (int) p.currentTokenLocation().getCharOffset();
          switch (t) {
            case FIELD_NAME -> {
              field = p.currentName();
              Obj top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
              if (top != null && top.firstKey < 0) {
                top.firstKey = offset;
              }
              fieldEnd = stringEnd(text, offset);
            }
            case START_OBJECT, START_ARRAY -> {
              boolean object = t == JsonToken.START_OBJECT;
              if (stack.isEmpty() && !object) {
                throw new IllegalArgumentException("the document is not a JSON object");
              }
              if (!stack.isEmpty() && field != null && arrays == 0) {
                path.add(field);
              } else if (!stack.isEmpty()) {
                path.add(null);
              }
              if (object && arrays == 0 && !path.contains(null)) {
                Obj o = new Obj(List.copyOf(path), offset);
                s.objects.put(o.path, o);
                stack.add(o);
              } else {
                stack.add(null);
                if (!object) {
                  arrays++;
                }
              }
              if (!separatorSeen && field != null && fieldEnd >= 0) {
                s.separator = separator(text, fieldEnd, offset);
                separatorSeen = true;
              }
              field = null;
            }
            case END_OBJECT, END_ARRAY -> {
              Obj o = stack.remove(stack.size() - 1);
              if (o != null) {
                o.close = offset;
                o.multiLine = text.substring(o.open, offset).indexOf('\n') >= 0;
              } else if (t == JsonToken.END_ARRAY) {
                arrays--;
              }
              if (!path.isEmpty()) {
                path.remove(path.size() - 1);
              }
            }
            default -> {
              if (field != null && arrays == 0 && !path.contains(null)) {
                List<String> at = new ArrayList<>(path);
                at.add(field);
                s.values.put(List.copyOf(at), new Value(offset, t));
              }
              if (!separatorSeen && field != null && fieldEnd >= 0) {
                s.separator = separator(text, fieldEnd, offset);
                separatorSeen = true;
              }
              field = null;
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the document is not JSON", e);
      }
      Obj root = s.objects.get(List.of());
      if (root != null && root.firstKey >= 0 && root.multiLine) {
        String indent = s.lineIndent(root.firstKey);
        if (!indent.isEmpty()) {
          s.unit = indent;
        }
      }
      return s;
    }

    private static int stringEnd(String text, int quote) {
      for (int i = quote + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return i + 1;
        }
      }
      return -1;
    }

    private static String separator(String text, int fieldEnd, int valueStart) {
      String sep = text.substring(fieldEnd, valueStart);
      return sep.contains("\n") || sep.contains("\r") ? ": " : sep;
    }

    /** The leading white space of the line holding {@code offset}. */
    String lineIndent(int offset) {
      int start = text.lastIndexOf('\n', offset - 1) + 1;
      int i = start;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      return text.substring(start, i);
    }

    /** The indentation of an object's members, from its first member or its closing brace. */
    String memberIndent(Obj o) {
      if (o.firstKey >= 0 && o.multiLine) {
        int lineStart = text.lastIndexOf('\n', o.firstKey - 1) + 1;
        if (text.substring(lineStart, o.firstKey).isBlank()) {
          return text.substring(lineStart, o.firstKey);
        }
      }
      return lineIndent(o.close) + unit;
    }

    /** Renders {@code {"A": {"B": value}}} for the missing names, in the file's style. */
    String render(List<String> names, String literal, String indent, boolean multiLine) {
      if (names.isEmpty()) {
        return literal;
      }
      String inner = render(names.subList(1, names.size()), literal, indent + unit, multiLine);
      String member = quote(names.get(0)) + separator + inner;
      return multiLine
          ? "{" + eol + indent + unit + member + eol + indent + "}"
          : "{" + member + "}";
    }
  }
}
