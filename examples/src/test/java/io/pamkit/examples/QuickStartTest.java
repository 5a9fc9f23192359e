// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.ShutdownReport;
import io.pamkit.examples.cli.Receivers;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start delivers to real receivers. */
final class QuickStartTest {

  @Test
  void publish_demoDocument_emailSyslogAndTrapArrive(@TempDir Path dir) throws Exception {
    try (Receivers receivers = Receivers.start()) {
      Path config = receivers.writeConfig(dir);

      ShutdownReport report = QuickStart.publish(config);

      assertTrue(report.drained(), report.toString());
      List<MimeMessage> mail = receivers.awaitEmails(1);
      assertEquals(1, mail.size());
      assertEquals("PasswordChangeFailed", mail.get(0).getHeader("X-Pamkit-Event")[0]);
      List<String> lines = receivers.awaitSyslog(1);
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("PasswordChangeFailed")), lines.toString());
      List<String> traps = receivers.awaitTraps(1);
      assertEquals(1, traps.size(), traps.toString());
    }
  }
}
