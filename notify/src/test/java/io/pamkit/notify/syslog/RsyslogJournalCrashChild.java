// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import io.pamkit.core.crashtest.CrashChild;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.journal.Journal;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The process {@link RsyslogJournalCrashTest} kills: publishes events {@code crash-0 ..
 * crash-(N-1)} to one syslog subscriber (plain TCP, octet counting) through a dispatcher whose
 * outbox is a {@link Journal}, with the real {@link SyslogTransport}, to rsyslog's {@code imtcp}.
 *
 * <p>After a restart the dispatcher re-drives from the journal what was accepted and not completed;
 * the publisher threads publish only what was not yet accepted: each notes in a progress file the
 * next event it has to publish (every 64 events, not forced: a {@code SIGKILL} does not lose the
 * page cache, and {@code publish} returns only once the journal accepted the event), so events
 * after the last note are published again: duplicates, never loss. A status file holds the
 * transport's connections lost and messages re-sent, so the test can see that the resend window was
 * written again after rsyslog came back. Exits 0 when every event was published and the journal has
 * nothing pending and no dead letter, 3 otherwise.
 *
 * <p>Arguments: journal directory, rsyslog's port, N, progress file, status file.
 */
final class RsyslogJournalCrashChild {
  static final int PUBLISHERS = 8;
  static final int SUBSCRIBER_ID = 1;

  private RsyslogJournalCrashChild() {}

  /** The idempotency key of event {@code i} for the one subscriber. */
  static String key(long i) {
    return "crash-" + i + "/" + SUBSCRIBER_ID;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    int total = Integer.parseInt(args[2]);
    Path progressFile = Path.of(args[3]);
    Path statusFile = Path.of(args[4]);
    Journal journal = Journal.open(dir);
    SyslogTransport tcp =
        SyslogTransport.builder()
            .appName("pamkit-crash")
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
            .build();
    EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transport(tcp, CrashChild.lane(Duration.ofMillis(200)))
            .subscribers(List.of(subscriber(port)))
            .outbox(journal)
            .build();
    Thread status = new Thread(() -> reportStatus(tcp, statusFile), "status");
    status.setDaemon(true);
    status.start();
    boolean published =
        CrashChild.publishAll(
            dispatcher, PUBLISHERS, total, progressFile, RsyslogJournalCrashChild::event);
    dispatcher.shutdown(Duration.ofMinutes(2));
    System.out.println("syslog " + tcp.metrics());
    CrashChild.exit(dir, published);
  }

  /** Event {@code i}. */
  private static ApplianceEvent event(long i) {
    return ApplianceEvent.builder("UserCreated")
        .id("crash-" + i)
        .property("n", Long.toString(i))
        .build();
  }

  private static Subscriber subscriber(int port) {
    return KillRun.subscriber(SUBSCRIBER_ID, "127.0.0.1", port, SyslogProtocol.TCP);
  }

  /** Writes "connectionsLost resent" to the status file (whole, by a rename) every 20 ms. */
  private static void reportStatus(SyslogTransport tcp, Path statusFile) {
    Path next = statusFile.resolveSibling(statusFile.getFileName() + ".next");
    String last = "";
    while (true) {
      SyslogMetrics m = tcp.metrics();
      String now = m.connectionsLost() + " " + m.resent();
      try {
        if (!now.equals(last)) {
          Files.writeString(next, now, StandardCharsets.US_ASCII);
          Files.move(next, statusFile, StandardCopyOption.ATOMIC_MOVE);
          last = now;
        }
        Thread.sleep(20);
      } catch (IOException e) {
        e.printStackTrace();
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
