// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.sessionlink.internal.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's collection query options over JSON rows: {@code filter} (eq ne gt ge lt le
 * contains ieq icontains sw isw ew iew in, and or not, parentheses), {@code orderby}, {@code
 * fields}, {@code q}, {@code page}/{@code limit} and {@code count}. Unknown properties fail with
 * the appliance's codes 70009 (filter), 70001 (orderby) and 70002 (fields).
 */
public final class QueryEngine {
  /** A query error with the appliance's code. */
  public static final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    QueryException(int code, String message) {
      super(message);
      this.code = code;
    }

    /**
     * Returns the appliance's error code.
     *
     * @return the code, e.g. 70009
     */
    public int code() {
      return code;
    }
  }

  private final Set<String> properties;

  /**
   * Creates an engine over rows with the given property names.
   *
   * @param properties the names a query may use
   */
  public QueryEngine(Set<String> properties) {
    this.properties = properties;
  }

  /**
   * Applies every option.
   *
   * @param rows the rows
   * @param query the query parameters
   * @return an array node, or a number node for {@code count=true}
   * @throws QueryException with the appliance's code for a bad option
   */
  public JsonNode apply(List<ObjectNode> rows, Map<String, String> query) {
    List<ObjectNode> out = new ArrayList<>(rows);
    String orderByCheck = query.get("orderby");
    if (orderByCheck != null) {
      for (String raw : orderByCheck.split(",")) {
        String name = raw.trim().startsWith("-") ? raw.trim().substring(1) : raw.trim();
        if (!name.isEmpty() && !properties.contains(name)) {
          throw new QueryException(70001, "The orderby property '" + name + "' is not valid.");
        }
      }
    }
    String filter = query.get("filter");
    if (filter != null && !filter.isBlank()) {
      Predicate<JsonNode> p = new Parser(filter).parse();
      out.removeIf(r -> !p.test(r));
    }
    String q = query.get("q");
    if (q != null && !q.isEmpty()) {
      String needle = q.toLowerCase(Locale.ROOT);
      out.removeIf(
          r -> {
            for (JsonNode v : r) {
              if (v.isTextual() && v.asText().toLowerCase(Locale.ROOT).contains(needle)) {
                return false;
              }
            }
            return true;
          });
    }
    if (Boolean.parseBoolean(query.getOrDefault("count", "false"))) {
      return Json.mapper().getNodeFactory().numberNode(out.size());
    }
    String orderBy = query.get("orderby");
    if (orderBy != null && !orderBy.isBlank()) {
      Comparator<JsonNode> cmp = null;
      for (String raw : orderBy.split(",")) {
        String f = raw.trim();
        boolean desc = f.startsWith("-");
        String name = desc ? f.substring(1) : f;
        if (!properties.contains(name)) {
          throw new QueryException(70001, "The orderby property '" + name + "' is not valid.");
        }
        Comparator<JsonNode> c = Comparator.comparing(n -> n.get(name), QueryEngine::compareNodes);
        if (desc) {
          c = c.reversed();
        }
        cmp = cmp == null ? c : cmp.thenComparing(c);
      }
      if (cmp != null) { // null when orderby holds only commas
        out.sort(cmp);
      }
    }
    String page = query.get("page");
    String limit = query.get("limit");
    if (limit != null) {
      int l = parseInt("limit", limit);
      int p = page == null ? 0 : parseInt("page", page);
      int from = Math.min(out.size(), p * l);
      out = new ArrayList<>(out.subList(from, Math.min(out.size(), from + l)));
    }
    ArrayNode arr = Json.mapper().createArrayNode();
    String fields = query.get("fields");
    if (fields != null && !fields.isBlank()) {
      project(Json.mapper().createObjectNode(), fields);
    }
    for (ObjectNode r : out) {
      arr.add(fields == null || fields.isBlank() ? r : project(r, fields));
    }
    return arr;
  }

  /**
   * Applies {@code fields} to one row.
   *
   * @param row the row
   * @param fields the {@code fields} value
   * @return a projected copy
   * @throws QueryException 70002 for an unknown property
   */
  public ObjectNode project(ObjectNode row, String fields) {
    String trimmed = fields.trim();
    boolean exclude = trimmed.startsWith("-");
    List<String> names = new ArrayList<>();
    for (String raw : (exclude ? trimmed.substring(1) : trimmed).split(",")) {
      String n = raw.trim();
      if (n.startsWith("-")) {
        n = n.substring(1);
      }
      if (!properties.contains(n)) {
        throw new QueryException(70002, "The fields property '" + n + "' is not valid.");
      }
      names.add(n);
    }
    ObjectNode copy = row.deepCopy();
    if (exclude) {
      copy.remove(names);
    } else {
      copy.retain(names);
    }
    return copy;
  }

  private static int parseInt(String name, String v) {
    try {
      int i = Integer.parseInt(v);
      if (i < 0) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new QueryException(
          70000, "The " + name + " parameter '" + v + "' is not a valid number.");
    }
  }

  static int compareNodes(@Nullable JsonNode a, @Nullable JsonNode b) {
    if (a == null || a.isNull() || b == null || b.isNull()) {
      boolean an = a == null || a.isNull();
      boolean bn = b == null || b.isNull();
      return an == bn ? 0 : an ? -1 : 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.asBoolean(), b.asBoolean());
    }
    return a.asText().compareToIgnoreCase(b.asText());
  }

  /**
   * Recursive descent: or := and ('or' and)*; and := unary ('and' unary)*; unary := 'not' unary |
   * '(' or ')' | cmp.
   */
  private final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Predicate<JsonNode> parse() {
      Predicate<JsonNode> p = or();
      skip();
      if (pos != s.length()) {
        throw syntax("unexpected '" + s.substring(pos) + "'");
      }
      return p;
    }

    private Predicate<JsonNode> or() {
      Predicate<JsonNode> p = and();
      while (keyword("or")) {
        p = p.or(and());
      }
      return p;
    }

    private Predicate<JsonNode> and() {
      Predicate<JsonNode> p = unary();
      while (keyword("and")) {
        p = p.and(unary());
      }
      return p;
    }

    private Predicate<JsonNode> unary() {
      if (keyword("not")) {
        return unary().negate();
      }
      skip();
      if (pos < s.length() && s.charAt(pos) == '(') {
        pos++;
        Predicate<JsonNode> p = or();
        skip();
        expect(')');
        return p;
      }
      return comparison();
    }

    private Predicate<JsonNode> comparison() {
      String field = word();
      if (!properties.contains(field)) {
        throw new QueryException(70009, "The filter property '" + field + "' is not valid.");
      }
      String op = word().toLowerCase(Locale.ROOT);
      if (op.equals("in")) {
        skip();
        expect('[');
        List<JsonNode> values = new ArrayList<>();
        do {
          values.add(value());
          skip();
        } while (pos < s.length() && s.charAt(pos) == ',' && ++pos > 0);
        expect(']');
        return n -> values.stream().anyMatch(v -> compareNodes(n.get(field), v) == 0);
      }
      JsonNode v = value();
      return switch (op) {
        case "eq" -> n -> equal(n.get(field), v, false);
        case "ieq" -> n -> equal(n.get(field), v, true);
        case "ne" -> n -> !equal(n.get(field), v, false);
        case "gt" -> n -> compareNodes(n.get(field), v) > 0;
        case "ge" -> n -> compareNodes(n.get(field), v) >= 0;
        case "lt" -> n -> compareNodes(n.get(field), v) < 0;
        case "le" -> n -> compareNodes(n.get(field), v) <= 0;
        case "contains" -> n -> text(n.get(field), false).contains(v.asText());
        case "icontains" ->
            n -> text(n.get(field), true).contains(v.asText().toLowerCase(Locale.ROOT));
        case "sw" -> n -> text(n.get(field), false).startsWith(v.asText());
        case "isw" -> n -> text(n.get(field), true).startsWith(v.asText().toLowerCase(Locale.ROOT));
        case "ew" -> n -> text(n.get(field), false).endsWith(v.asText());
        case "iew" -> n -> text(n.get(field), true).endsWith(v.asText().toLowerCase(Locale.ROOT));
        default -> throw syntax("unknown operator '" + op + "'");
      };
    }

    private boolean equal(@Nullable JsonNode a, JsonNode b, boolean ignoreCase) {
      if (ignoreCase && a != null && a.isTextual() && b.isTextual()) {
        return a.asText().equalsIgnoreCase(b.asText());
      }
      if (a != null && a.isTextual() && b.isTextual()) {
        return a.asText().equals(b.asText());
      }
      return compareNodes(a, b) == 0;
    }

    private String text(@Nullable JsonNode n, boolean lower) {
      String t = n == null || n.isNull() ? "" : n.asText();
      return lower ? t.toLowerCase(Locale.ROOT) : t;
    }

    private JsonNode value() {
      skip();
      if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
          char c = s.charAt(pos++);
          if (c == quote) {
            if (pos < s.length() && s.charAt(pos) == quote) {
              sb.append(quote);
              pos++;
              continue;
            }
            return Json.mapper().getNodeFactory().textNode(sb.toString());
          }
          sb.append(c);
        }
        throw syntax("unterminated string");
      }
      String w = word();
      if (w.equalsIgnoreCase("true") || w.equalsIgnoreCase("false")) {
        return Json.mapper()
            .getNodeFactory()
            .booleanNode(Boolean.parseBoolean(w.toLowerCase(Locale.ROOT)));
      }
      if (w.equalsIgnoreCase("null")) {
        return Json.mapper().getNodeFactory().nullNode();
      }
      try {
        return Json.mapper().getNodeFactory().numberNode(Long.parseLong(w));
      } catch (NumberFormatException e) {
        throw syntax("'" + w + "' is not a value; quote strings with '");
      }
    }

    private String word() {
      skip();
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos))
              || s.charAt(pos) == '.'
              || s.charAt(pos) == '_'
              || s.charAt(pos) == '-')) {
        pos++;
      }
      if (start == pos) {
        throw syntax("expected a name or value at position " + pos);
      }
      return s.substring(start, pos);
    }

    private boolean keyword(String k) {
      skip();
      int end = pos + k.length();
      if (end <= s.length()
          && s.substring(pos, end).equalsIgnoreCase(k)
          && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
        pos = end;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw syntax("expected '" + c + "'");
      }
      pos++;
    }

    private void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private QueryException syntax(String what) {
      return new QueryException(70000, "The filter is not valid: " + what + ".");
    }
  }
}
