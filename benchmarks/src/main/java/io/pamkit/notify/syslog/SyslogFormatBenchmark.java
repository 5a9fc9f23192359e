// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pamkit.benchmarks.ShortRun;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.notify.syslog.internal.ByteBuf;
import io.pamkit.notify.syslog.internal.MessageFormatter;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Syslog message formatting and sending: pamkit's allocation-light formatter against the naive
 * {@code String.format} / concatenation code a user would write instead, for an RFC 5424 message
 * with structured data and for a CEF body; and the rate of {@link SyslogTransport#send} over UDP to
 * a local socket against a plain {@code DatagramSocket} loop that formats with strings.
 *
 * <p>Run (ns/op, and B/op with the GC profiler):
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SyslogFormatBenchmark -prof gc -rf json
 * </pre>
 *
 * Read {@code gc.alloc.rate.norm} for bytes allocated per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SyslogFormatBenchmark extends ShortRun {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  Notification notification;
  MessageFormatter rfc5424;
  MessageFormatter cef;
  SyslogTransport transport;
  Notification udpNotification;
  DatagramSocket receiver;
  DatagramSocket baselineSocket;
  InetSocketAddress receiverAddress;
  volatile boolean draining = true;

  /** Per-thread reused buffer, as the transport keeps one per thread. */
  @State(Scope.Thread)
  public static class Buffer {
    final ByteBuf buf = new ByteBuf(1024);
  }

  /** Builds the event, the formatters, a UDP receiver that drains its socket, and the senders. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    ApplianceEvent event =
        ApplianceEvent.builder("PasswordChangeFailed")
            .id("0f8fad5b-d9cb-469f-a165-70867728950e")
            .applianceId("SPP-1")
            .level(EventLevel.ERROR)
            .time(Instant.parse("2026-03-04T05:06:07.089Z"))
            .property("AssetName", "dc01.example.com")
            .property("AccountName", "Administrator")
            .property("UserDisplayName", "Jane \"JD\" Doe")
            .property("Reason", "Password change failed: access denied [0x5]")
            .property("Path", "C:\\Windows\\System32")
            .property("Requester", "jdoe@example.com")
            .build();
    Subscriber subscriber = Subscriber.builder(Subscriber.SYSLOG).id(3).build();
    notification = Notification.of(event, subscriber);
    rfc5424 = formatter(null);
    cef = formatter(SyslogFormat.CEF);

    receiver = bindLowPort();
    receiverAddress =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.getLocalPort());
    Thread drain =
        new Thread(
            () -> {
              DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
              while (draining) {
                try {
                  receiver.receive(p);
                } catch (IOException e) {
                  return;
                }
              }
            },
            "benchmark-udp-drain");
    drain.setDaemon(true);
    drain.start();
    transport = SyslogTransport.builder().hostName("spp.example.com").build();
    udpNotification =
        Notification.of(
            event,
            Subscriber.builder(Subscriber.SYSLOG)
                .id(3)
                .syslogProperties(
                    SyslogSubscriberProperties.builder()
                        .networkAddress("127.0.0.1")
                        .port(receiver.getLocalPort())
                        .protocol(SyslogProtocol.UDP)
                        .build())
                .build());
    baselineSocket = new DatagramSocket();
  }

  private static MessageFormatter formatter(SyslogFormat format) {
    return new MessageFormatter(
        SyslogFacility.LOCAL4,
        false,
        format,
        "spp_",
        ZoneId.of("UTC"),
        "spp.example.com",
        "pamkit",
        "4242",
        32473,
        true,
        "pamkit",
        "pamkit",
        "1.0",
        EventCatalog.defaults());
  }

  private static DatagramSocket bindLowPort() throws IOException {
    for (int port = 24000; port < 32000; port++) {
      try {
        return new DatagramSocket(port, InetAddress.getLoopbackAddress());
      } catch (BindException busy) {
        // next
      }
    }
    throw new IOException("no free UDP port below 32768");
  }

  /** Closes the sockets. */
  @TearDown(Level.Trial)
  public void tearDown() {
    draining = false;
    transport.close();
    receiver.close();
    baselineSocket.close();
  }

  /** pamkit: RFC 5424 with structured data into a reused buffer. */
  @Benchmark
  public int rfc5424Pamkit(Buffer b) {
    rfc5424.format(notification, b.buf);
    return b.buf.length();
  }

  /** Baseline: String.format header, StringBuilder structured data, replace() escaping. */
  @Benchmark
  public byte[] rfc5424StringFormat() {
    return naiveRfc5424(notification).getBytes(UTF_8);
  }

  /** pamkit: RFC 5424 header with a CEF body into a reused buffer. */
  @Benchmark
  public int cefPamkit(Buffer b) {
    cef.format(notification, b.buf);
    return b.buf.length();
  }

  /** Baseline: CEF by string concatenation with replace() escaping. */
  @Benchmark
  public byte[] cefConcatenation() {
    ApplianceEvent e = notification.event();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "<%d>1 %s %s %s %s %s - ",
            20 * 8 + 3,
            RFC3339.format(e.time().atZone(ZoneId.of("UTC"))),
            "spp.example.com",
            "pamkit",
            "4242",
            e.name()));
    sb.append("CEF:0|pamkit|pamkit|1.0|")
        .append(e.name().replace("\\", "\\\\").replace("|", "\\|"))
        .append('|')
        .append(e.name())
        .append("|8|rt=")
        .append(e.time().toEpochMilli())
        .append(" externalId=")
        .append(cefValue(e.id()));
    for (Map.Entry<String, String> p : e.properties().entrySet()) {
      sb.append(" spp_").append(p.getKey()).append('=').append(cefValue(p.getValue()));
    }
    return sb.toString().getBytes(UTF_8);
  }

  /** pamkit: format and send one datagram through the transport. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @BenchmarkMode(Mode.Throughput)
  public Object udpSendPamkit() {
    return transport.send(udpNotification);
  }

  /** Baseline: String-formatted message and a new DatagramPacket per send. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @BenchmarkMode(Mode.Throughput)
  public int udpSendDatagramSocket() throws IOException {
    byte[] b = naiveRfc5424(notification).getBytes(UTF_8);
    baselineSocket.send(new DatagramPacket(b, b.length, receiverAddress));
    return b.length;
  }

  private static String cefValue(String v) {
    return v.replace("\\", "\\\\").replace("=", "\\=").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String naiveRfc5424(Notification n) {
    ApplianceEvent e = n.event();
    StringBuilder sd = new StringBuilder("[pamkit@32473");
    sd.append(" EventName=\"").append(sdValue(e.name())).append('"');
    sd.append(" EventId=\"").append(sdValue(e.id())).append('"');
    sd.append(" Level=\"").append(e.level()).append('"');
    sd.append(" IdempotencyKey=\"").append(sdValue(n.idempotencyKey())).append("\"]");
    sd.append("[props@32473");
    for (Map.Entry<String, String> p : e.properties().entrySet()) {
      sd.append(' ').append(p.getKey()).append("=\"").append(sdValue(p.getValue())).append('"');
    }
    sd.append(']');
    return String.format(
        "<%d>1 %s %s %s %s %s %s \ufeff%s: level=%s",
        20 * 8 + 3,
        RFC3339.format(e.time().atZone(ZoneId.of("UTC"))),
        "spp.example.com",
        "pamkit",
        "4242",
        e.name(),
        sd,
        e.name(),
        e.level());
  }

  private static String sdValue(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
  }
}
