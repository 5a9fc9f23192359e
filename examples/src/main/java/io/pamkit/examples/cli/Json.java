// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --json} output of the commands: one JSON document on standard output. */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * Starts an ordered object.
   *
   * @return a new map whose iteration order is the insertion order
   */
  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /**
   * Prints a value as indented JSON.
   *
   * @param out the stream
   * @param value maps, lists, strings, numbers and booleans
   */
  static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
    out.flush();
  }
}
