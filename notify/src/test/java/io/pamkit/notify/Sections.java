// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.config.ConfigSection;

/** Sections of a configuration document, written as JSON in tests. */
public final class Sections {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Sections() {}

  /**
   * Returns a section.
   *
   * @param path its JSON path
   * @param json the object, with ' for " to keep tests readable
   * @return the section
   */
  public static ConfigSection of(String path, String json) {
    try {
      return ConfigSection.of(MAPPER.readTree(json.replace('\'', '"')), path, "test section");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
