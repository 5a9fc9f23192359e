// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.config.PamkitConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --ca-cert FILE} of the commands that read a configuration
 * document and connect to the servers it names ({@code publish}, {@code test-event}, {@code
 * test-email}).
 */
final class DocumentOptions extends TrustOptions {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The configuration document.")
  Path config;

  /**
   * Reads the document, with the {@code --ca-cert} files added to its {@code TrustAnchors}.
   *
   * @return the document
   * @throws UsageException if the file is missing, unreadable or not a valid document, or a {@code
   *     --ca-cert} file holds no certificate
   */
  PamkitConfig read() {
    return apply(ConfigFiles.read(config));
  }
}
