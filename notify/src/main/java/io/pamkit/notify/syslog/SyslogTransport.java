// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.internal.Arguments;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.core.subscription.SyslogTcpFraming;
import io.pamkit.notify.syslog.internal.ByteBuf;
import io.pamkit.notify.syslog.internal.Counters;
import io.pamkit.notify.syslog.internal.LocalHostName;
import io.pamkit.notify.syslog.internal.MessageFormatter;
import io.pamkit.notify.syslog.internal.RelpSender;
import io.pamkit.notify.syslog.internal.Sender;
import io.pamkit.notify.syslog.internal.StreamSender;
import io.pamkit.notify.syslog.internal.UdpSender;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to syslog servers: the {@code Syslog} channel of Syslog Events subscribers.
 *
 * <p>Each subscriber's {@link SyslogSubscriberProperties} choose the destination (a configured
 * {@link SyslogServer} found by id, name or network address in the {@linkplain
 * Builder#serverRegistry registry}, or the subscriber's own address), the protocol ({@code
 * LegacyUdp}: RFC 3164 over UDP, at most 1,024 bytes; {@code Udp}: RFC 5424 over UDP with RFC 5426
 * size rules; {@code Tcp}: RFC 5424 over TCP with RFC 6587 framing, or over TLS per RFC 5425 with
 * {@code UseSslEncryption}), the facility, the time zone and the body ({@code CEF}, {@code JSON} or
 * plain text; {@code Relp}: RFC 5424 over RELP, rsyslog's acknowledged protocol, a pamkit
 * addition). TCP, TLS and RELP connections stay open between messages and are reopened with
 * exponential back-off when they fail. Receipts say what is known: {@code Relp} deliveries are
 * {@link io.pamkit.core.dispatch.DeliveryAssurance#ACKNOWLEDGED} by the server, the others {@link
 * io.pamkit.core.dispatch.DeliveryAssurance#SENT_UNVERIFIED}. TCP and TLS receipts also carry the
 * 60 s age of the in-memory resend window as {@link
 * io.pamkit.core.dispatch.DeliveryReceipt#settleAfter()}: with an outbox, the dispatcher keeps the
 * notification pending that long, so a crash of both the server and this process re-drives it (a
 * duplicate, dropped by {@code IdempotencyKey}) instead of losing it.
 *
 * <p>Failures: connection refused, timeouts, unresolvable hosts and broken connections are {@link
 * FailureType#TRANSIENT}; a server certificate that fails verification and a client certificate
 * asked for but not configured are {@link FailureType#PERMANENT_TRANSPORT}; a subscriber without
 * syslog properties or pointing at an unknown server is {@link FailureType#PERMANENT_MESSAGE}.
 *
 * <p>Thread-safe; build with {@link #builder()}, close to release sockets.
 *
 * <pre>{@code
 * try (SyslogTransport syslog = SyslogTransport.builder().appName("pamkit").build()) {
 *   DeliveryReceipt receipt = syslog.send(notification);
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 */
public final class SyslogTransport implements Transport {
  /** The channel id, equal to {@link Subscriber#SYSLOG}. */
  public static final String ID = Subscriber.SYSLOG;

  private static final Logger LOG = LoggerFactory.getLogger(SyslogTransport.class);
  private static final int LEGACY_MAX = 1024;
  private static final int LARGE_BUFFER = 1 << 20;
  private static final int RELP_WINDOW = 128;

  private final SyslogServerRegistry registry;
  private final Set<SyslogServer> verificationKeptWarned = ConcurrentHashMap.newKeySet();
  private final String hostName;
  private final String appName;
  private final String procId;
  private final long enterpriseNumber;
  private final @Nullable Boolean utf8Bom;
  private final String cefVendor;
  private final String cefProduct;
  private final String cefVersion;
  private final EventCatalog catalog;
  private final int maxUdpMessageSize;
  private final int maxStreamMessageSize;
  private final Duration connectTimeout;
  private final Duration writeTimeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final @Nullable SSLContext sslContext;
  private final @Nullable SSLContext clientCertificateSslContext;
  private final Clock clock;

  private final Counters counters = new Counters();
  private final Map<FormatterKey, MessageFormatter> formatters = new ConcurrentHashMap<>();
  private final Map<Destination, Sender> senders = new ConcurrentHashMap<>();
  private final ThreadLocal<ByteBuf> buffers = ThreadLocal.withInitial(() -> new ByteBuf(1024));
  private volatile boolean closed;
  private volatile @Nullable Route lastRoute;

  private SyslogTransport(Builder b) {
    this.registry = b.registry;
    this.hostName = b.hostName != null ? b.hostName : LocalHostName.get();
    this.appName = b.appName;
    this.procId = b.procId != null ? b.procId : String.valueOf(ProcessHandle.current().pid());
    this.enterpriseNumber = b.enterpriseNumber;
    this.utf8Bom = b.utf8Bom;
    this.cefVendor = b.cefVendor;
    this.cefProduct = b.cefProduct;
    this.cefVersion = b.cefVersion;
    this.catalog = b.catalog;
    this.maxUdpMessageSize = b.maxUdpMessageSize;
    this.maxStreamMessageSize = b.maxStreamMessageSize;
    this.connectTimeout = b.connectTimeout;
    this.writeTimeout = b.writeTimeout;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.sslContext = b.sslContext;
    this.clientCertificateSslContext = b.clientCertificateSslContext;
    this.clock = b.clock;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns {@code "Syslog"}.
   *
   * @return the channel id
   */
  @Override
  public String channel() {
    return ID;
  }

  /**
   * Returns the registry of configured syslog servers.
   *
   * @return the registry
   */
  public SyslogServerRegistry serverRegistry() {
    return registry;
  }

  /**
   * Returns the HOSTNAME written in every message.
   *
   * @return the host name
   */
  public String hostName() {
    return hostName;
  }

  /**
   * Formats and sends one notification to its subscriber's syslog server.
   *
   * @param notification a notification whose subscriber has {@link SyslogSubscriberProperties}
   * @return a receipt; syslog gives no message id
   * @throws DeliveryException if the message could not be handed to the network
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    requireNonNull(notification, "notification");
    if (closed) {
      throw new DeliveryException(
          channel(), FailureType.PERMANENT_TRANSPORT, "transport is closed", null);
    }
    SyslogSubscriberProperties props =
        notification
            .subscriber()
            .syslogProperties()
            .orElseThrow(
                () ->
                    new DeliveryException(
                        ID,
                        FailureType.PERMANENT_MESSAGE,
                        "subscriber " + notification.subscriber().id() + " has no SyslogProperties",
                        null));
    Route route = route(props);
    ByteBuf buffer = buffers.get();
    route.formatter.format(notification, buffer);
    int length = buffer.length();
    if (length > route.limit) {
      length = buffer.utf8Boundary(route.limit);
      counters.truncated.increment();
    }
    try {
      route.sender.send(buffer, length);
    } finally {
      if (buffer.array().length > LARGE_BUFFER) {
        buffers.remove(); // do not keep a one-off huge message's buffer per thread
      }
    }
    return new DeliveryReceipt(
        ID, null, clock.instant(), route.sender.assurance(), route.sender.settleAfter());
  }

  /**
   * Returns the counters since this transport was built.
   *
   * @return a snapshot
   */
  public SyslogMetrics metrics() {
    return new SyslogMetrics(
        counters.sent.sum(),
        counters.truncated.sum(),
        counters.delimitersEscaped.sum(),
        counters.connectionsOpened.sum(),
        counters.connectionsLost.sum(),
        counters.connectFailures.sum(),
        counters.resent.sum());
  }

  /**
   * Closes every socket. Later sends throw a {@link DeliveryException} ({@code
   * PERMANENT_TRANSPORT}, "transport is closed"), as every transport does.
   */
  @Override
  public void close() {
    closed = true;
    for (Sender s : senders.values()) {
      s.close();
    }
    senders.clear();
    lastRoute = null;
  }

  @Override
  public String toString() {
    return "SyslogTransport{hostName="
        + hostName
        + ", appName="
        + appName
        + ", servers="
        + registry.list().size()
        + "}";
  }

  /**
   * Returns the formatter, sender and size limit of a subscriber's messages. The last route is kept
   * so that a subscriber sending again, with the registry unchanged, costs no lookup.
   */
  private Route route(SyslogSubscriberProperties p) {
    long version = registry.version();
    Route last = lastRoute;
    if (last != null && last.properties == p && last.registryVersion == version) {
      return last;
    }
    Resolved r = resolve(p);
    Destination d = r.destination;
    FormatterKey key = new FormatterKey(p, SyslogIdentity.of(p).orElse(r.serverIdentity));
    int limit =
        d.protocol == SyslogProtocol.LEGACY_UDP
            ? LEGACY_MAX
            : d.protocol == SyslogProtocol.UDP ? maxUdpMessageSize : maxStreamMessageSize;
    Route route =
        new Route(
            p,
            version,
            formatters.computeIfAbsent(key, this::formatter),
            senders.computeIfAbsent(d, this::sender),
            limit);
    lastRoute = route;
    return route;
  }

  /**
   * Returns the server a subscriber names by id or name, or fails {@code PERMANENT_MESSAGE} when no
   * server is configured under it.
   */
  private static Optional<SyslogServer> configured(Optional<SyslogServer> server, String named) {
    if (server.isEmpty()) {
      throw new DeliveryException(
          ID, FailureType.PERMANENT_MESSAGE, named + " names no configured syslog server", null);
    }
    return server;
  }

  private Resolved resolve(SyslogSubscriberProperties p) {
    Optional<SyslogServer> server;
    if (p.syslogServerId().isPresent()) {
      int id = p.syslogServerId().get();
      server = configured(registry.findById(id), "SyslogServerId " + id);
    } else if (p.syslogServerName().isPresent()) {
      String name = p.syslogServerName().get();
      server = configured(registry.findByName(name), "SyslogServerName '" + name + "'");
    } else if (p.networkAddress().isPresent()) {
      server = registry.findByNetworkAddress(p.networkAddress().get());
    } else {
      throw new DeliveryException(
          ID,
          FailureType.PERMANENT_MESSAGE,
          "SyslogProperties need a SyslogServerId, a SyslogServerName or a NetworkAddress",
          null);
    }
    if (server.isPresent()) {
      SyslogServer s = server.get();
      return new Resolved(
          new Destination(
              SyslogServerRegistry.normalize(s.networkAddress().text()),
              s.port(),
              s.protocol(),
              s.useSslEncryption(),
              s.useClientCertificate(),
              verifies(s),
              s.tcpFraming()),
          s.identity());
    }
    return new Resolved(
        new Destination(
            SyslogServerRegistry.normalize(p.networkAddress().orElseThrow()),
            p.port(),
            p.protocol(),
            p.useSslEncryption(),
            p.useClientCertificate(),
            p.verifySslCertificate(),
            p.tcpFraming()),
        SyslogIdentity.NONE);
  }

  /**
   * A pasted {@code VerifySslCertificate: false} alone does not turn verification off (security
   * review M9): trust-all needs the server's explicit {@code TrustAllCertificatesInsecurely}.
   */
  private boolean verifies(SyslogServer s) {
    if (s.useSslEncryption()
        && !s.verifySslCertificate()
        && !s.trustAllCertificatesInsecurely()
        && verificationKeptWarned.add(s)) {
      LOG.warn(
          "syslog server {} ({}:{}): VerifySslCertificate is false, which on the appliance means"
              + " trust-all TLS; pamkit verifies the certificate and host name anyway. Add"
              + " TrustAllCertificatesInsecurely: true to that server to accept any certificate",
          s.name(),
          s.networkAddress().text(),
          s.port());
    }
    return !s.trustsAllCertificates();
  }

  private MessageFormatter formatter(FormatterKey key) {
    SyslogSubscriberProperties p = key.properties;
    SyslogIdentity id = key.identity;
    Boolean bom = id.utf8Bom() != null ? id.utf8Bom() : utf8Bom;
    return new MessageFormatter(
        p.facility(),
        p.protocol() == SyslogProtocol.LEGACY_UDP,
        p.logFormat().orElse(null),
        p.keyPrefix().orElse(null),
        ZoneId.of(p.timeZoneId()),
        id.hostName() != null ? id.hostName() : hostName,
        id.appName() != null ? id.appName() : appName,
        procId,
        enterpriseNumber,
        // by default only plain-text bodies carry the BOM: CEF and JSON parsers anchor on
        // "CEF:" and "{" (rsyslog's mmjsonparse does not skip a BOM)
        bom != null ? bom : p.logFormat().isEmpty(),
        id.deviceVendor() != null ? id.deviceVendor() : cefVendor,
        id.deviceProduct() != null ? id.deviceProduct() : cefProduct,
        id.deviceVersion() != null ? id.deviceVersion() : cefVersion,
        catalog);
  }

  private Sender sender(Destination d) {
    if (d.protocol == SyslogProtocol.RELP) {
      return new RelpSender(
          ID,
          d.host,
          d.port,
          RELP_WINDOW,
          connectTimeout,
          writeTimeout,
          initialBackoff,
          maxBackoff,
          clock,
          counters);
    }
    if (d.protocol != SyslogProtocol.TCP) {
      return new UdpSender(ID, d.host, d.port, counters);
    }
    SSLSocketFactory tls = null;
    if (d.tls) {
      tls = socketFactory(d);
    }
    return new StreamSender(
        ID,
        d.host,
        d.port,
        d.framing,
        tls,
        d.tls && d.verify,
        connectTimeout,
        writeTimeout,
        initialBackoff,
        maxBackoff,
        clock,
        counters);
  }

  private SSLSocketFactory socketFactory(Destination d) {
    if (d.clientCertificate) {
      if (clientCertificateSslContext == null) {
        throw new DeliveryException(
            ID,
            FailureType.PERMANENT_TRANSPORT,
            "UseClientCertificate is true for "
                + d.host
                + ":"
                + d.port
                + " but no clientCertificateSslContext is configured",
            null);
      }
      if (!d.verify) {
        LOG.warn(
            "VerifySslCertificate is false for syslog server {}:{}: the host name is not "
                + "checked; the certificate chain is checked by the client certificate's SSLContext",
            d.host,
            d.port);
      }
      return clientCertificateSslContext.getSocketFactory();
    }
    if (!d.verify) {
      LOG.warn(
          "VerifySslCertificate is false for syslog server {}:{}: its certificate and host "
              + "name are NOT verified",
          d.host,
          d.port);
      return TrustAll.CONTEXT.getSocketFactory();
    }
    if (sslContext != null) {
      return sslContext.getSocketFactory();
    }
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new DeliveryException(
          ID, FailureType.PERMANENT_TRANSPORT, "no default TLS context: " + e.getMessage(), e);
    }
  }

  /** A resolved subscriber: its formatter, its sender and its size limit. */
  private record Route(
      SyslogSubscriberProperties properties,
      long registryVersion,
      MessageFormatter formatter,
      Sender sender,
      int limit) {}

  /** A subscriber's destination and the identity its server gives. */
  private record Resolved(Destination destination, SyslogIdentity serverIdentity) {}

  /** What a formatter depends on; the key of the formatter cache. */
  private record FormatterKey(SyslogSubscriberProperties properties, SyslogIdentity identity) {}

  /** Where and how a message goes; the key of the sender cache. */
  private record Destination(
      String host,
      int port,
      SyslogProtocol protocol,
      boolean tls,
      boolean clientCertificate,
      boolean verify,
      SyslogTcpFraming framing) {}

  /** The context used when a server's certificate must not be verified (built on first use). */
  private static final class TrustAll {
    static final SSLContext CONTEXT =
        TlsContexts.builder().trustAllCertificatesInsecurely().build();
  }

  /** Builds {@link SyslogTransport}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private SyslogServerRegistry registry = SyslogServerRegistry.of();
    private @Nullable String hostName;
    private String appName = "pamkit";
    private @Nullable String procId;
    private long enterpriseNumber = 32473;
    private @Nullable Boolean utf8Bom;
    private String cefVendor = "pamkit";
    private String cefProduct = "pamkit";
    private String cefVersion = "1.0";
    private EventCatalog catalog = EventCatalog.defaults();
    private int maxUdpMessageSize = 2048;
    private int maxStreamMessageSize = 8192;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofMinutes(1);
    private @Nullable SSLContext sslContext;
    private @Nullable SSLContext clientCertificateSslContext;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the configured syslog servers that subscribers point at. Default: an empty registry.
     *
     * @param registry the registry (shared, not copied: later changes are seen)
     * @return this builder
     */
    public Builder serverRegistry(SyslogServerRegistry registry) {
      this.registry = requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the HOSTNAME field (and the CEF {@code dvchost}); a server's or subscriber's {@code
     * HostName} wins over it. Default: this machine's host name, never a loopback name such as
     * {@code localhost}: the JVM's local host name when it is not one, else the {@code HOSTNAME}
     * environment variable, else {@code /etc/hostname}, else the first address of a network
     * interface that is up and not loopback, else {@code -} (RFC 5424's NILVALUE).
     *
     * @param hostName 1 to 255 printable US-ASCII characters (RFC 5424)
     * @return this builder
     * @throws IllegalArgumentException if the name breaks the rule
     */
    public Builder hostName(String hostName) {
      this.hostName = printable("hostName", hostName, 255);
      return this;
    }

    /**
     * Sets the APP-NAME field (the TAG of RFC 3164 messages); a server's or subscriber's {@code
     * AppName} wins over it. Default: {@code pamkit}.
     *
     * @param appName 1 to 48 printable US-ASCII characters (RFC 5424)
     * @return this builder
     * @throws IllegalArgumentException if the name breaks the rule
     */
    public Builder appName(String appName) {
      this.appName = printable("appName", appName, 48);
      return this;
    }

    /**
     * Sets the PROCID field. Default: this process's id.
     *
     * @param procId 1 to 128 printable US-ASCII characters (RFC 5424)
     * @return this builder
     * @throws IllegalArgumentException if the value breaks the rule
     */
    public Builder procId(String procId) {
      this.procId = printable("procId", procId, 128);
      return this;
    }

    /**
     * Sets the private enterprise number of the structured-data ids {@code pamkit@N} and {@code
     * props@N}. Default: 32473, the number RFC 5612 reserves for documentation.
     *
     * @param number a positive number
     * @return this builder
     * @throws IllegalArgumentException if the number is not positive
     */
    public Builder enterpriseNumber(long number) {
      if (number < 1 || number > 4_294_967_295L) {
        throw new IllegalArgumentException("enterpriseNumber " + number + " outside 1..2^32-1");
      }
      this.enterpriseNumber = number;
      return this;
    }

    /**
     * Sets whether RFC 5424 messages start their MSG with the UTF-8 byte order mark (RFC 5424 6.4,
     * MSG-UTF8), for every body; a server's or subscriber's {@code Utf8Bom} wins over it. Default:
     * on for plain-text bodies, off for CEF and JSON bodies (CEF parsers anchor on {@code CEF:},
     * and JSON parsers such as rsyslog's {@code mmjsonparse} refuse a leading BOM).
     *
     * @param bom whether to write the BOM
     * @return this builder
     */
    public Builder utf8Bom(boolean bom) {
      this.utf8Bom = bom;
      return this;
    }

    /**
     * Sets the CEF header's Device Vendor, Device Product and Device Version; a server's or
     * subscriber's {@code DeviceVendor}, {@code DeviceProduct}, {@code DeviceVersion} win over
     * them. Default: {@code pamkit}, {@code pamkit}, {@code 1.0}.
     *
     * @param vendor the vendor
     * @param product the product
     * @param version the version
     * @return this builder
     */
    public Builder cefDevice(String vendor, String product, String version) {
      this.cefVendor = requireNonNull(vendor, "vendor");
      this.cefProduct = requireNonNull(product, "product");
      this.cefVersion = requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets the catalog that gives each event's category. Default: {@link EventCatalog#defaults()}.
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder eventCatalog(EventCatalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets the largest RFC 5424 message sent over UDP; longer ones are cut at a UTF-8 character
     * boundary and counted in {@link SyslogMetrics#truncated()}. Default: 2048 bytes, which RFC
     * 5426 says IPv4 receivers should accept. {@code LegacyUdp} messages are always cut at 1,024
     * bytes.
     *
     * @param bytes 480 (what every receiver must accept) to 65507
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxUdpMessageSize(int bytes) {
      this.maxUdpMessageSize = Arguments.inRange("maxUdpMessageSize", bytes, 480, 65507);
      return this;
    }

    /**
     * Sets the largest message sent over TCP or TLS, framing excluded; longer ones are cut at a
     * UTF-8 character boundary and counted. Default: 8192 bytes, which RFC 5425 says receivers
     * should accept (and rsyslog's default limit).
     *
     * @param bytes 480 to 16777216
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxStreamMessageSize(int bytes) {
      this.maxStreamMessageSize =
          Arguments.inRange("maxStreamMessageSize", bytes, 480, 16 * 1024 * 1024);
      return this;
    }

    /**
     * Sets the TCP connect and TLS handshake timeout. Default: 5 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Arguments.positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets how long writing one message to a TCP or TLS server may take; a server that stopped
     * reading would otherwise block the sender forever. The connection is then aborted and the
     * message written again on a new one, or failed as {@code TRANSIENT}. Default: 30 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Arguments.positive("writeTimeout", timeout);
      return this;
    }

    /**
     * Sets the reconnect back-off: after a failed connection attempt, sends fail fast for {@code
     * initial}, then twice as long after each further failure, up to {@code max}. Default: 500
     * milliseconds and 1 minute.
     *
     * @param initial the first delay
     * @param max the longest delay, at least {@code initial}
     * @return this builder
     * @throws IllegalArgumentException if not positive or max is below initial
     */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      Arguments.positive("initial", initial);
      Arguments.positive("max", max);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max " + max + " is below initial " + initial);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets the TLS context of servers with {@code VerifySslCertificate} (and no client
     * certificate): its trust managers verify the server's chain, and pamkit checks the host name
     * (HTTPS rules). Default: the JVM's default context.
     *
     * @param context the context
     * @return this builder
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = requireNonNull(context, "context");
      return this;
    }

    /**
     * Sets the TLS context that holds the syslog client certificate (the appliance's {@code
     * SyslogClientCertificate}), used for servers with {@code UseClientCertificate}; its trust
     * managers verify the server. Default: none, and such servers fail with {@code
     * PERMANENT_TRANSPORT}.
     *
     * @param context a context whose key managers hold the client certificate and key
     * @return this builder
     */
    public Builder clientCertificateSslContext(SSLContext context) {
      this.clientCertificateSslContext = requireNonNull(context, "context");
      return this;
    }

    /**
     * Sets the clock of receipts and of the reconnect back-off. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the transport. No socket is opened until the first send.
     *
     * @return a new transport
     */
    public SyslogTransport build() {
      return new SyslogTransport(this);
    }

    private static String printable(String field, String value, int max) {
      requireNonNull(value, field);
      if (value.isEmpty() || value.length() > max) {
        throw new IllegalArgumentException(
            field + " is " + value.length() + " characters long; 1.." + max + " are allowed");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 33 || c > 126) {
          throw new IllegalArgumentException(
              field
                  + " must be printable US-ASCII (RFC 5424 PRINTUSASCII); found U+"
                  + String.format("%04X", (int) c)
                  + " at index "
                  + i);
        }
      }
      return value;
    }
  }
}
