// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.template.EmailTemplates;
import io.pamkit.notify.template.RenderedEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Messages per second through pamkit's {@link SmtpTransport}, which keeps one SMTP connection open
 * for every message, against the naive way a user would otherwise write it: jakarta.mail's {@code
 * Transport.send(message)}, which opens, greets and closes a connection per message. Both render
 * the same template and send to the same in-process SMTP server (subethasmtp on loopback, plain
 * SMTP, messages discarded) in the same run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SmtpBenchmark -rf json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SmtpBenchmark {
  private SMTPServer server;
  private SmtpTransport transport;
  private Session naiveSession;
  private Notification notification;
  private final AtomicLong received = new AtomicLong();

  /** Starts the server and the transport. */
  @Setup
  public void setUp() {
    server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messageHandler((context, from, to, data) -> received.incrementAndGet())
            .build();
    server.start();
    transport =
        SmtpTransport.builder(
                SmtpTransportConfig.builder()
                    .serverAddress("[127.0.0.1]")
                    .port(server.getPortAllocated())
                    .requireTls(false)
                    .senderEmail("pamkit@appliance.example")
                    .heloName("bench.pamkit")
                    .readTimeout(Duration.ofSeconds(10))
                    .build())
            .build();
    ApplianceEvent event =
        ApplianceEvent.builder("PasswordChangeFailed")
            .id("bench")
            .applianceId("SPP-1")
            .level(EventLevel.ERROR)
            .property("AssetName", "dc01.example.com")
            .build();
    notification =
        Notification.of(
            event,
            Subscriber.builder(Subscriber.EMAIL)
                .id(1)
                .emailAddress("admin@example.com")
                .subscribeToAllEvents(true)
                .build());
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", Integer.toString(server.getPortAllocated()));
    p.setProperty("mail.smtp.localhost", "bench.pamkit");
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "10000");
    naiveSession = Session.getInstance(p);
  }

  /** Stops the transport and the server. */
  @TearDown
  public void tearDown() {
    transport.close();
    server.stop();
  }

  /**
   * One email through the transport's reused connection.
   *
   * @return the receipt
   */
  @Benchmark
  public DeliveryReceipt reusedConnection() {
    return transport.send(notification);
  }

  /**
   * One email the naive way: a new connection per message.
   *
   * @return the message sent
   * @throws MessagingException if sending fails
   */
  @Benchmark
  public MimeMessage connectionPerMessage() throws MessagingException {
    RenderedEmail email = EmailTemplates.defaults().render(notification.event(), null);
    MimeMessage m = new MimeMessage(naiveSession);
    m.setFrom(new InternetAddress("pamkit@appliance.example"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("admin@example.com"));
    m.setSubject(email.subject(), "UTF-8");
    m.setSentDate(new Date());
    m.setText(email.body(), "UTF-8");
    Transport.send(m);
    return m;
  }
}
