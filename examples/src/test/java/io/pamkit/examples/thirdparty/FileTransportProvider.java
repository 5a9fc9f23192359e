// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.thirdparty;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

// README "Writing a transport": a third-party transport, found by ServiceLoader through
// src/test/resources/META-INF/services/io.pamkit.core.dispatch.spi.TransportProvider.
/** Appends one line per event to the file named by the document's {@code FileTransport.Path}. */
public final class FileTransportProvider implements TransportProvider<Path> {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public String channel() {
    return "File";
  } // subscribers' Type

  @Override
  public Optional<String> section() {
    return Optional.of("FileTransport");
  }

  @Override
  public Path settings(ConfigSection section) { // problems go to section
    String path = section.string("Path");
    if (path == null) {
      section.problem("Path", "is required");
    }
    return section.build(() -> Path.of(path)); // also reports unknown fields
  }

  @Override
  public Transport create(ConfigSection section, TransportContext context) {
    Path file = settings(section);
    if (file == null) {
      throw new ConfigurationException(section.problems());
    }
    return new Transport() {
      @Override
      public String channel() {
        return "File";
      }

      @Override
      public synchronized DeliveryReceipt send(io.pamkit.core.dispatch.Notification n) {
        try {
          Files.writeString(
              file,
              n.event().name() + " " + n.event().id() + "\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new DeliveryException("file", FailureType.TRANSIENT, e.toString(), e);
        }
        return new DeliveryReceipt("file", null, context.clock().instant());
      }
    };
  }
}
