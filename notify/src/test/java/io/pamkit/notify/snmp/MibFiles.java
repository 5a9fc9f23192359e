// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes PAMKIT-MIB and the three SMIv2 base modules it imports into a directory for smilint and
 * snmptrapd. Debian's MIB packages leave the IETF modules out (they are not DFSG-free), so the
 * tests carry minimal stand-ins of SNMPv2-SMI, SNMPv2-TC and SNMPv2-CONF that define only what
 * PAMKIT-MIB imports; the linting of PAMKIT-MIB itself is complete.
 */
final class MibFiles {
  private MibFiles() {}

  static Path write(Path dir) throws IOException {
    Files.writeString(dir.resolve("PAMKIT-MIB.txt"), PamkitMib.text());
    for (String base : new String[] {"SNMPv2-SMI", "SNMPv2-TC", "SNMPv2-CONF"}) {
      try (InputStream in = MibFiles.class.getResourceAsStream("mibs/" + base + ".txt")) {
        if (in == null) {
          throw new IOException("test resource mibs/" + base + ".txt is missing");
        }
        Files.copy(in, dir.resolve(base + ".txt"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }
}
