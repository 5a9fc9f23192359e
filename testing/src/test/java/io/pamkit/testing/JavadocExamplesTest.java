// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.testing.SyslogReceiver.Framing;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The usage examples in the testing module's Javadoc, compiled and run. Each test's body between
 * the marker comments is the example its type's Javadoc shows (with the example's free variables
 * declared above it): when an example changes, change it here too.
 */
final class JavadocExamplesTest {

  /** {@link FakeClock}. */
  @Test
  void fakeClock_advanceExample_movesTheTime() {
    // example
    FakeClock clock = new FakeClock();
    clock.advance(Duration.ofSeconds(30));
    // end

    assertEquals(new FakeClock().instant().plusSeconds(30), clock.instant());
  }

  /** {@link ManualScheduler}. */
  @Test
  void manualScheduler_dispatcherExample_runsTheFirstRetry() throws Exception {
    InMemoryTransport transport = InMemoryTransport.create(Subscriber.SYSLOG);
    transport.failNext(FailureType.TRANSIENT, "peer down");
    List<Subscriber> subscribers =
        List.of(Subscriber.builder(Subscriber.SYSLOG).subscribe("PasswordChangeFailed").build());

    // example
    FakeClock clock = new FakeClock();
    ManualScheduler scheduler = new ManualScheduler(clock);
    EventDispatcher dispatcher =
        EventDispatcher.builder()
            .clock(clock)
            .scheduler(scheduler)
            .transport(transport)
            .subscribers(subscribers)
            .build();
    // end
    try (dispatcher) {
      dispatcher.publish(ApplianceEvent.builder("PasswordChangeFailed").build());
      Await.until("the retry is scheduled", Duration.ofSeconds(30), () -> scheduler.pending() == 1);
      // example
      scheduler.advance(Duration.ofSeconds(2)); // runs the first retry (1 s, 20 % jitter)
      // end
      assertTrue(transport.awaitCount(1, Duration.ofSeconds(30)), "the retry delivered it");
    }
  }

  /** {@link TestCertificates}. */
  @Test
  void testCertificates_receiverExample_clientTrustsTheServer() throws Exception {
    // example
    TestCertificates pki = TestCertificates.create();
    try (SyslogReceiver rx = SyslogReceiver.builder().tls(pki.serverContext()).start()) {
      SSLContext client = pki.clientContext(); // trusts the test CA
      // end
      try (SSLSocket s =
          (SSLSocket)
              client
                  .getSocketFactory()
                  .createSocket(InetAddress.getLoopbackAddress(), rx.tcpPort())) {
        s.startHandshake();
        OutputStream out = s.getOutputStream();
        out.write("5 hello".getBytes(UTF_8));
        out.flush();
        assertEquals("hello", rx.next());
      }
    }
  }

  /** {@link SyslogReceiver}. */
  @Test
  void syslogReceiver_tcpExample_receivesTheMessage() throws Exception {
    // example
    try (SyslogReceiver rx = SyslogReceiver.builder().tcp(Framing.OCTET_COUNTING).start()) {
      // point a syslog subscriber at 127.0.0.1:rx.tcpPort(), publish an event
      // end (the test sends the message itself)
      String message = "<187>1 " + Instant.now() + " spp pamkit - PasswordChangeFailed - failed";
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rx.tcpPort());
          OutputStream out = s.getOutputStream()) {
        out.write((message.getBytes(UTF_8).length + " " + message).getBytes(UTF_8));
        out.flush();
      }
      // example
      assertTrue(rx.next().contains("PasswordChangeFailed"));
    }
    // end
  }

  /** {@link ModuleDescriptorAssert}. */
  @Test
  void moduleDescriptorAssert_example_passesForThisModule() {
    // example
    ModuleDescriptorAssert.assertThatModuleOf(FakeClock.class)
        .hasName("io.pamkit.testing")
        .exportsExactly("io.pamkit.testing")
        .exportsNoInternalPackageToEveryone();
    // end

    assertEquals("io.pamkit.testing", FakeClock.class.getModule().getName());
  }
}
