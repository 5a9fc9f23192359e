// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pamkit.examples.demo.DemoCommand;
import io.pamkit.testing.SyslogReceiver;
import io.pamkit.testing.TrapReceiver;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;

/**
 * Real in-process receivers for the command tests: a GreenMail SMTP server, pamkit-testing's syslog
 * receiver (UDP and TCP) and SNMP trap receiver, plus the demo's configuration document pointed at
 * them.
 */
public final class Receivers implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final GreenMail smtp;
  private final SyslogReceiver syslog;
  private final TrapReceiver traps;

  private Receivers() throws IOException {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    syslog = SyslogReceiver.start();
    traps = TrapReceiver.start();
  }

  /**
   * Starts the receivers on free loopback ports.
   *
   * @return the receivers
   * @throws IOException if a port cannot be opened
   */
  public static Receivers start() throws IOException {
    return new Receivers();
  }

  /**
   * Starts an SNMPv3 trap station that knows the user {@code noc}: HMAC-SHA-256 authentication
   * (password {@code auth-pass-1}) and AES-128 privacy (password {@code priv-pass-1}).
   *
   * @return the station, on a free loopback port; the caller closes it
   * @throws IOException if the port cannot be opened
   */
  public static TrapReceiver v3Station() throws IOException {
    return TrapReceiver.builder()
        .user(
            new UsmUser(
                new OctetString("noc"),
                AuthHMAC192SHA256.ID,
                new OctetString("auth-pass-1"),
                PrivAES128.ID,
                new OctetString("priv-pass-1")))
        .start();
  }

  /**
   * @return the SMTP server's port
   */
  public int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  /**
   * @return the trap receiver's port
   */
  public int trapPort() {
    return traps.port();
  }

  /**
   * Waits for traps.
   *
   * @param count how many
   * @return the traps received so far
   * @throws InterruptedException if interrupted
   */
  public List<String> awaitTraps(int count) throws InterruptedException {
    return traps.awaitTraps(count, WAIT).stream().map(TrapReceiver.Trap::text).toList();
  }

  /**
   * @return the syslog receiver
   */
  public SyslogReceiver syslog() {
    return syslog;
  }

  /**
   * Writes the demo's document, pointed at these receivers, into a file.
   *
   * @param dir the directory
   * @return the file
   * @throws IOException if it cannot be written
   */
  public Path writeConfig(Path dir) throws IOException {
    return write(
        dir,
        "pamkit.json",
        DemoCommand.patchPorts(
            DemoCommand.bundledDocument(),
            smtpPort(),
            syslog.tcpPort(),
            syslog.udpPort(),
            trapPort()));
  }

  /**
   * Writes a file.
   *
   * @param dir the directory
   * @param name the file name
   * @param text the content
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path write(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  /**
   * Waits for emails.
   *
   * @param count how many
   * @return the emails received so far
   */
  public List<MimeMessage> awaitEmails(int count) {
    smtp.waitForIncomingEmail(20_000, count);
    return List.of(smtp.getReceivedMessages());
  }

  /**
   * @return the emails received so far
   */
  public List<MimeMessage> emails() {
    return List.of(smtp.getReceivedMessages());
  }

  /**
   * Waits for syslog messages.
   *
   * @param count how many
   * @return the messages received so far
   * @throws InterruptedException if interrupted
   */
  public List<String> awaitSyslog(int count) throws InterruptedException {
    return syslog.awaitMessages(count, WAIT);
  }

  @Override
  public void close() {
    try {
      traps.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    syslog.close();
    smtp.stop();
  }
}
