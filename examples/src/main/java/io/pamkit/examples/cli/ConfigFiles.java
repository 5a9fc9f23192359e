// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.ValidationException;
import io.pamkit.core.config.PamkitConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads configuration documents for the commands, turning every problem into bad input. */
final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * Reads a document's text.
   *
   * @param file the file
   * @return the text
   * @throws UsageException if the file is missing or unreadable
   */
  static String text(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": no such file");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads and checks a document.
   *
   * @param file the file
   * @return the configuration
   * @throws UsageException if the file is missing, unreadable or not a valid document; the message
   *     is one line: the first problem, and how many more there are
   */
  static PamkitConfig read(Path file) {
    String text = text(file);
    try {
      return PamkitConfig.parse(text);
    } catch (ValidationException e) {
      int n = e.violations().size();
      throw new UsageException(
          file
              + ": "
              + e.violations().get(0)
              + (n > 1 ? " (and " + (n - 1) + " more problem(s); run 'pamkit validate')" : ""));
    }
  }
}
