// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.PamkitConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --ca-cert FILE} for the commands that connect to servers: certificates to trust besides
 * the JVM's trust store and the document's {@code TrustAnchors}, for every transport.
 */
class TrustOptions {
  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      description =
          "A CA certificate (PEM or DER) to trust for every TLS connection, besides the"
              + " JVM's trust store and the document's TrustAnchors; repeat for more.")
  List<Path> caCerts = new ArrayList<>();

  /**
   * Returns the document with the {@code --ca-cert} files added to its {@code TrustAnchors}.
   *
   * @param doc the document
   * @return the document, or a copy trusting the files too
   * @throws UsageException naming the {@code --ca-cert} file that holds no certificate
   */
  PamkitConfig apply(PamkitConfig doc) {
    if (caCerts.isEmpty()) {
      return doc;
    }
    List<String> entries = new ArrayList<>(doc.trustAnchorEntries());
    int first = entries.size();
    caCerts.forEach(p -> entries.add(p.toString()));
    try {
      return doc.toBuilder().trustAnchors(entries).build();
    } catch (ValidationException e) {
      Violation v = e.violations().get(0);
      String path = v.path();
      int i =
          path.startsWith("$.TrustAnchors[")
              ? Integer.parseInt(path.substring(15, path.indexOf(']')))
              : -1;
      if (i >= first) {
        throw new UsageException("--ca-cert " + caCerts.get(i - first) + ": " + v.message());
      }
      throw new UsageException(v.toString());
    }
  }
}
