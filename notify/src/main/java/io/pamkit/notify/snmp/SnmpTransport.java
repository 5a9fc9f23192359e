// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.internal.Arguments;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Sends notifications as SNMP traps or informs: the {@code Snmp} channel.
 *
 * <p>Each subscriber's {@link SnmpSubscriberProperties} choose the receiver ({@code
 * NetworkAddress}, {@code Port}), the version (1, 2 meaning v2c, or 3), the community of v1 and
 * v2c, and for v3 the engine id, the USM user and its authentication ({@code None}, {@code Md5},
 * {@code Sha1}, SHA-2) and privacy ({@code None}, {@code Des}, {@code TripleDes}, {@code Aes128},
 * {@code Aes192}, {@code Aes256}) protocols. Every one of these protocols is registered explicitly:
 * SNMP4J 3.5+ leaves MD5, SHA-1 and DES out of its defaults.
 *
 * <p>What is sent is defined by {@code PAMKIT-MIB} ({@link PamkitMib}): v2c and v3 notifications
 * carry {@code sysUpTime.0}, then {@code snmpTrapOID.0} (the notification of the event's level),
 * then the event's objects; v1 traps carry enterprise {@code pamkitNotifications} and the level's
 * kind as specific trap. With {@linkplain Builder#informs(boolean) informs} on, v2c and v3
 * notifications are sent as informs, which the receiver acknowledges; an inform still
 * unacknowledged after the retries is a {@link FailureType#TRANSIENT} failure.
 *
 * <p>For v3 traps pamkit is the authoritative engine: its engine id is the subscriber's {@code
 * EngineId}, or one derived from the event's appliance id (RFC 3411 text format under the
 * enterprise number), which the receiver must know. The community and passwords are {@link Secret}s
 * and are never logged.
 *
 * <p>Thread-safe; build with {@link #builder()}, close to release sockets.
 */
public final class SnmpTransport implements Transport {
  /** The channel id, equal to {@link Subscriber#SNMP}. */
  public static final String ID = Subscriber.SNMP;

  private static final Logger LOG = LoggerFactory.getLogger(SnmpTransport.class);
  private static final OID SYS_UP_TIME = SnmpConstants.sysUpTime;
  private static final OID SNMP_TRAP_OID = SnmpConstants.snmpTrapOID;
  private static final ObjectMapper JSON = displaySafeJson();

  /** The most octets of each text object other than the properties (SnmpAdminString's 255). */
  static final int MAX_TEXT_OCTETS = 255;

  /** Ends a value that was cut to fit: ASCII, so it never splits a character. */
  static final String TRUNCATED = "...[truncated]";

  private final PamkitMib mib;
  private final boolean informs;
  private final int maxTrapSize;
  private final Duration timeout;
  private final int retries;
  private final String agentAddress;
  private final EventCatalog catalog;
  private final Clock clock;
  private final Instant started;
  private final long enterpriseNumber;
  private final SecurityProtocols securityProtocols;
  private final Map<Object, Session> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private SnmpTransport(Builder b) {
    this.mib = b.mib;
    this.informs = b.informs;
    this.maxTrapSize = b.maxTrapSize;
    this.timeout = b.timeout;
    this.retries = b.retries;
    this.agentAddress = b.agentAddress;
    this.catalog = b.catalog;
    this.clock = b.clock;
    this.started = clock.instant();
    this.enterpriseNumber = enterpriseNumber(mib.enterpriseOid());
    this.securityProtocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    securityProtocols.addAuthenticationProtocol(new AuthMD5());
    securityProtocols.addAuthenticationProtocol(new AuthSHA());
    securityProtocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
    securityProtocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    securityProtocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
    securityProtocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
    securityProtocols.addPrivacyProtocol(new PrivDES());
    securityProtocols.addPrivacyProtocol(new Priv3DES());
    securityProtocols.addPrivacyProtocol(new PrivAES128());
    securityProtocols.addPrivacyProtocol(new PrivAES192());
    securityProtocols.addPrivacyProtocol(new PrivAES256());
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
   * Returns {@code "Snmp"}.
   *
   * @return the channel id
   */
  @Override
  public String channel() {
    return ID;
  }

  /**
   * Returns the MIB layout the notifications follow.
   *
   * @return the layout
   */
  public PamkitMib mib() {
    return mib;
  }

  /**
   * Returns the engine id pamkit uses as the authoritative engine of v3 traps for a subscriber and
   * an appliance: the subscriber's {@code EngineId} if set, else one derived from the appliance id.
   * A trap receiver needs it ({@code createUser -e} in net-snmp).
   *
   * @param properties the subscriber's properties
   * @param applianceId the id of the appliance raising the events
   * @return the engine id bytes
   */
  public byte[] engineId(SnmpSubscriberProperties properties, String applianceId) {
    if (properties.engineId().isPresent()) {
      String hex = properties.engineId().get();
      if (hex.startsWith("0x") || hex.startsWith("0X")) {
        hex = hex.substring(2);
      }
      if (hex.length() % 2 != 0) {
        hex = "0" + hex;
      }
      return HexFormat.of().parseHex(hex);
    }
    // RFC 3411 SnmpEngineID: 0x80 | enterprise number, then format 4 (text) or 5 (octets)
    byte[] prefix = {
      (byte) (0x80 | (enterpriseNumber >>> 24 & 0x7F)),
      (byte) (enterpriseNumber >>> 16),
      (byte) (enterpriseNumber >>> 8),
      (byte) enterpriseNumber
    };
    String id = applianceId.isEmpty() ? "pamkit" : applianceId;
    byte[] tail;
    byte format;
    if (id.length() <= 27 && id.chars().allMatch(c -> c > 32 && c < 127)) {
      format = 4;
      tail = id.getBytes(StandardCharsets.US_ASCII);
    } else {
      format = 5;
      tail = Arrays.copyOf(sha256(id), 16);
    }
    byte[] engine = new byte[5 + tail.length];
    System.arraycopy(prefix, 0, engine, 0, 4);
    engine[4] = format;
    System.arraycopy(tail, 0, engine, 5, tail.length);
    return engine;
  }

  /**
   * Sends the notification of one event to its subscriber's SNMP receiver.
   *
   * @param notification a notification whose subscriber has {@link SnmpSubscriberProperties}
   * @return a receipt; for an inform, the peer message id is the request id it acknowledged
   * @throws DeliveryException if the trap could not be sent or the inform was not acknowledged
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    requireNonNull(notification, "notification");
    if (closed) {
      throw new DeliveryException(
          channel(), FailureType.PERMANENT_TRANSPORT, "transport is closed", null);
    }
    SnmpSubscriberProperties p =
        notification
            .subscriber()
            .snmpProperties()
            .orElseThrow(
                () ->
                    new DeliveryException(
                        ID,
                        FailureType.PERMANENT_MESSAGE,
                        "subscriber " + notification.subscriber().id() + " has no SnmpProperties",
                        null));
    String host =
        p.networkAddress()
            .filter(a -> !a.isBlank())
            .orElseThrow(
                () ->
                    new DeliveryException(
                        ID,
                        FailureType.PERMANENT_MESSAGE,
                        "SnmpProperties.NetworkAddress is required",
                        null));
    UdpAddress address;
    try {
      String bare =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      address = new UdpAddress(InetAddress.getByName(bare), p.port());
    } catch (UnknownHostException e) {
      throw new DeliveryException(
          ID, FailureType.TRANSIENT, "cannot resolve SNMP receiver " + host, e);
    }
    ApplianceEvent event = notification.event();
    boolean inform = informs && p.version() != 1;
    Session session;
    Target<UdpAddress> target;
    PDU pdu;
    if (p.version() == 3) {
      byte[] engineId = engineId(p, event.applianceId());
      session = sessions.computeIfAbsent(new V3Key(engineId, p), k -> v3Session(engineId, p));
      UserTarget<UdpAddress> ut = new UserTarget<>();
      ut.setSecurityName(new OctetString(p.authenticationUserName().orElseThrow()));
      ut.setSecurityLevel(securityLevel(p));
      ut.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
      target = ut;
      pdu = new ScopedPDU();
    } else {
      session = sessions.computeIfAbsent("community", k -> communitySession());
      CommunityTarget<UdpAddress> ct = new CommunityTarget<>();
      ct.setCommunity(octets(p.community()));
      target = ct;
      pdu = p.version() == 1 ? new PDUv1() : new PDU();
    }
    target.setAddress(address);
    target.setVersion(
        p.version() == 1
            ? SnmpConstants.version1
            : p.version() == 2 ? SnmpConstants.version2c : SnmpConstants.version3);
    target.setTimeout(timeout.toMillis());
    target.setRetries(retries);
    fill(pdu, notification, inform);
    try {
      ResponseEvent<UdpAddress> response = session.snmp.send(pdu, target);
      if (!inform) {
        return DeliveryReceipt.sentUnverified(ID, clock.instant()); // a trap has no answer
      }
      return acknowledged(response, host, p);
    } catch (IOException e) {
      throw new DeliveryException(
          ID,
          FailureType.TRANSIENT,
          "sending to SNMP receiver " + host + ":" + p.port() + " failed: " + e.getMessage(),
          e);
    }
  }

  private DeliveryReceipt acknowledged(
      @Nullable ResponseEvent<UdpAddress> event, String host, SnmpSubscriberProperties p) {
    PDU response = event == null ? null : event.getResponse();
    if (response == null) {
      Exception error = event == null ? null : event.getError();
      throw new DeliveryException(
          ID,
          FailureType.TRANSIENT,
          "inform to "
              + host
              + ":"
              + p.port()
              + " not acknowledged after "
              + (retries + 1)
              + " attempts of "
              + timeout.toMillis()
              + " ms"
              + (error != null ? ": " + error.getMessage() : ""),
          error);
    }
    if (response.getType() == PDU.REPORT) {
      String report = response.size() > 0 ? response.get(0).getOid().toDottedString() : "?";
      throw new DeliveryException(
          ID,
          FailureType.PERMANENT_TRANSPORT,
          "SNMP receiver "
              + host
              + ":"
              + p.port()
              + " rejected the inform with report "
              + report
              + " (check user, passwords and protocols)",
          null);
    }
    if (response.getErrorStatus() != PDU.noError) {
      throw new DeliveryException(
          ID,
          FailureType.PERMANENT_MESSAGE,
          "SNMP receiver "
              + host
              + ":"
              + p.port()
              + " answered the inform with error "
              + response.getErrorStatusText(),
          null);
    }
    return DeliveryReceipt.acknowledged(
        ID, String.valueOf(response.getRequestID().getValue()), clock.instant());
  }

  private void fill(PDU pdu, Notification n, boolean inform) {
    ApplianceEvent e = n.event();
    long ticks =
        Math.floorMod(Duration.between(started, clock.instant()).toMillis() / 10, 1L << 32);
    if (pdu instanceof PDUv1 v1) {
      v1.setType(PDU.V1TRAP);
      v1.setEnterprise(new OID(mib.v1EnterpriseOid()));
      v1.setGenericTrap(PDUv1.ENTERPRISE_SPECIFIC);
      v1.setSpecificTrap(e.level().snmpTrapKind());
      v1.setTimestamp(ticks);
      v1.setAgentAddress(new IpAddress(agentAddress));
    } else {
      pdu.setType(inform ? PDU.INFORM : PDU.TRAP);
      pdu.add(new VariableBinding(SYS_UP_TIME, new TimeTicks(ticks)));
      pdu.add(new VariableBinding(SNMP_TRAP_OID, new OID(mib.notificationOid(e.level()))));
    }
    EventCategory category =
        catalog.find(e.name()).map(d -> d.category()).orElse(EventCategory.UNKNOWN);
    pdu.add(object(1, text(e.name())));
    pdu.add(object(2, text(category.wireName())));
    pdu.add(
        new VariableBinding(new OID(mib.objectOid(3) + ".0"), new Integer32(levelCode(e.level()))));
    pdu.add(object(4, dateAndTime(e.time())));
    pdu.add(object(5, text(e.applianceId())));
    pdu.add(object(6, text(n.idempotencyKey())));
    int propertiesIndex = pdu.size();
    pdu.add(object(7, new OctetString("{}")));
    pdu.add(object(8, text(e.id())));
    // What the trap may spend on the properties: the limit less everything else. The length
    // octets of the value and of the enclosing sequences can only grow by a few octets.
    int budget = maxTrapSize - pdu.getBERLength() + 2 - 12;
    pdu.set(
        propertiesIndex,
        object(7, new OctetString(propertiesJson(e.properties(), budget).getBytes(UTF_8))));
  }

  /**
   * Writes the properties as one JSON object of at most {@code budget} UTF-8 octets. When the whole
   * object is too big, every value longer than the longest length that fits is cut and ends with
   * {@link #TRUNCATED}; if even that is too big, properties are left out from the end and a last
   * member {@code "...": "[truncated: N more properties]"} says how many. Always valid JSON.
   */
  static String propertiesJson(Map<String, String> properties, int budget) {
    String full = json(properties, properties.size(), Integer.MAX_VALUE);
    if (octets(full) <= budget) {
      return full;
    }
    int longest = 0;
    for (String v : properties.values()) {
      longest = Math.max(longest, v.length());
    }
    String best = null;
    int lo = 0;
    int hi = longest;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String candidate = json(properties, properties.size(), mid);
      if (octets(candidate) <= budget) {
        best = candidate;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (best != null) {
      return best;
    }
    for (int keep = properties.size() - 1; keep >= 0; keep--) {
      String candidate = json(properties, keep, 0);
      if (octets(candidate) <= budget) {
        return candidate;
      }
    }
    return "{}";
  }

  /** The first {@code keep} properties, values cut to {@code maxChars} code points. */
  private static String json(Map<String, String> properties, int keep, int maxChars) {
    ObjectNode o = JSON.createObjectNode();
    int i = 0;
    for (Map.Entry<String, String> p : properties.entrySet()) {
      if (i++ == keep) {
        break;
      }
      String v = p.getValue();
      if (v.codePointCount(0, v.length()) > maxChars) {
        v = v.substring(0, v.offsetByCodePoints(0, maxChars)) + TRUNCATED;
      }
      o.put(p.getKey(), v);
    }
    if (keep < properties.size()) {
      o.put("...", "[truncated: " + (properties.size() - keep) + " more properties]");
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write event properties as JSON", ex);
    }
  }

  private static int octets(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * Returns whether a character must not reach a text display raw: C0 controls, DEL, C1 controls
   * (U+009B is a terminal's CSI), the line and paragraph separators, and the bidirectional
   * embedding, override and isolate controls that reorder what a reader sees (CVE-2021-42574).
   */
  static boolean displayUnsafe(int c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * A text object's value: each {@linkplain #displayUnsafe unsafe} character written as the six
   * characters {@code \\uXXXX}, then cut on a character boundary to {@link #MAX_TEXT_OCTETS} octets
   * of UTF-8, ending with {@link #TRUNCATED} when cut.
   */
  static OctetString text(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              if (displayUnsafe(c)) {
                sb.append(String.format("\\u%04X", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    String safe = sb.toString();
    if (octets(safe) > MAX_TEXT_OCTETS) {
      int room = MAX_TEXT_OCTETS - TRUNCATED.length();
      int end = 0;
      int used = 0;
      while (end < safe.length()) {
        int c = safe.codePointAt(end);
        int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (used + size > room) {
          break;
        }
        used += size;
        end += Character.charCount(c);
      }
      safe = safe.substring(0, end) + TRUNCATED;
    }
    return new OctetString(safe.getBytes(UTF_8));
  }

  /** Jackson escapes C0 already; DEL, C1, U+2028/2029 and the bidi controls are added. */
  private static ObjectMapper displaySafeJson() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setCharacterEscapes(new DisplaySafeEscapes());
    return m;
  }

  private static final class DisplaySafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    DisplaySafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii.clone();
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int c) {
      return displayUnsafe(c) ? new SerializedString(String.format("\\u%04X", c)) : null;
    }
  }

  private VariableBinding object(int n, OctetString value) {
    return new VariableBinding(new OID(mib.objectOid(n) + ".0"), value);
  }

  /**
   * Returns the {@code pamkitEventLevel} value of a level.
   *
   * @param level the level
   * @return debug 1, info 2, warn 3, error 4, none 5
   */
  static int levelCode(EventLevel level) {
    return switch (level) {
      case DEBUG -> 1;
      case INFO -> 2;
      case WARN -> 3;
      case ERROR -> 4;
      case NONE -> 5;
    };
  }

  /** Encodes an instant as an SNMPv2-TC DateAndTime of 11 octets, in UTC. */
  static OctetString dateAndTime(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    byte[] b = {
      (byte) (z.getYear() >> 8),
      (byte) z.getYear(),
      (byte) z.getMonthValue(),
      (byte) z.getDayOfMonth(),
      (byte) z.getHour(),
      (byte) z.getMinute(),
      (byte) z.getSecond(),
      (byte) (z.getNano() / 100_000_000),
      (byte) '+',
      0,
      0
    };
    return new OctetString(b);
  }

  private static int securityLevel(SnmpSubscriberProperties p) {
    if (p.authenticationType() == SnmpAuthenticationType.NONE) {
      return SecurityLevel.NOAUTH_NOPRIV;
    }
    return p.encryptionType() == SnmpEncryptionType.NONE
        ? SecurityLevel.AUTH_NOPRIV
        : SecurityLevel.AUTH_PRIV;
  }

  /**
   * Returns the SNMP4J OID of an authentication protocol.
   *
   * @param type the protocol
   * @return the OID, or null for {@code None}
   */
  static @Nullable OID authProtocol(SnmpAuthenticationType type) {
    return switch (type) {
      case MD5 -> AuthMD5.ID;
      case SHA1 -> AuthSHA.ID;
      case SHA224 -> AuthHMAC128SHA224.ID;
      case SHA256 -> AuthHMAC192SHA256.ID;
      case SHA384 -> AuthHMAC256SHA384.ID;
      case SHA512 -> AuthHMAC384SHA512.ID;
      case NONE -> null;
    };
  }

  /**
   * Returns the SNMP4J OID of a privacy protocol.
   *
   * @param type the protocol
   * @return the OID, or null for {@code None}
   */
  static @Nullable OID privProtocol(SnmpEncryptionType type) {
    return switch (type) {
      case DES -> PrivDES.ID;
      case TRIPLE_DES -> Priv3DES.ID;
      case AES128 -> PrivAES128.ID;
      case AES192 -> PrivAES192.ID;
      case AES256 -> PrivAES256.ID;
      case NONE -> null;
    };
  }

  private Session communitySession() {
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    return Session.open(dispatcher);
  }

  private Session v3Session(byte[] engineId, SnmpSubscriberProperties p) {
    USM usm = new USM(securityProtocols, new OctetString(engineId), 0);
    OctetString user = new OctetString(p.authenticationUserName().orElseThrow());
    OctetString authPass = p.authenticationPassword().map(SnmpTransport::octets).orElse(null);
    OctetString privPass = p.encryptionPassword().map(SnmpTransport::octets).orElse(null);
    usm.addUser(
        new UsmUser(
            user,
            authProtocol(p.authenticationType()),
            authPass,
            privProtocol(p.encryptionType()),
            privPass));
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(
        new MPv3(
            engineId,
            null,
            securityProtocols,
            SecurityModels.getCollection(new SecurityModel[] {usm}),
            CounterSupport.getInstance()));
    LOG.debug(
        "SNMPv3 session for user {} with engine id {}", user, HexFormat.of().formatHex(engineId));
    return Session.open(dispatcher);
  }

  private static OctetString octets(Secret s) {
    byte[] b = s.utf8();
    OctetString o = new OctetString(b);
    Arrays.fill(b, (byte) 0);
    return o;
  }

  /**
   * Closes every socket. Later sends throw a {@link DeliveryException} ({@code
   * PERMANENT_TRANSPORT}, "transport is closed"), as every transport does.
   */
  @Override
  public void close() {
    closed = true;
    for (Session s : sessions.values()) {
      s.close();
    }
    sessions.clear();
  }

  @Override
  public String toString() {
    return "SnmpTransport{enterprise=" + mib.enterpriseOid() + ", informs=" + informs + "}";
  }

  private static long enterpriseNumber(String oid) {
    String prefix = "1.3.6.1.4.1.";
    if (oid.startsWith(prefix)) {
      String rest = oid.substring(prefix.length());
      int dot = rest.indexOf('.');
      long n = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
      if (n > 0 && n <= 0x7FFFFFFFL) {
        return n;
      }
    }
    return 32473;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The identity of a v3 session: engine id and every USM setting, secrets included. */
  private static final class V3Key {
    private final byte[] engineId;
    private final SnmpSubscriberProperties properties;

    V3Key(byte[] engineId, SnmpSubscriberProperties properties) {
      this.engineId = engineId;
      this.properties = properties;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof V3Key
          && Arrays.equals(engineId, ((V3Key) o).engineId)
          && Objects.equals(
              properties.authenticationUserName(), ((V3Key) o).properties.authenticationUserName())
          && properties.authenticationType() == ((V3Key) o).properties.authenticationType()
          && properties.encryptionType() == ((V3Key) o).properties.encryptionType()
          && Objects.equals(
              properties.authenticationPassword(), ((V3Key) o).properties.authenticationPassword())
          && Objects.equals(
              properties.encryptionPassword(), ((V3Key) o).properties.encryptionPassword());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(engineId) * 31 + Objects.hashCode(properties.authenticationUserName());
    }
  }

  /** One SNMP4J engine on its own UDP socket. */
  private static final class Session {
    final Snmp snmp;

    private Session(Snmp snmp) {
      this.snmp = snmp;
    }

    static Session open(MessageDispatcherImpl dispatcher) {
      try {
        DefaultUdpTransportMapping udp = new DefaultUdpTransportMapping();
        Snmp snmp = new Snmp(dispatcher, udp);
        snmp.listen();
        return new Session(snmp);
      } catch (IOException e) {
        throw new DeliveryException(
            ID, FailureType.TRANSIENT, "cannot open an SNMP socket: " + e.getMessage(), e);
      }
    }

    void close() {
      try {
        snmp.close();
      } catch (IOException e) {
        LOG.debug("closing an SNMP session failed", e);
      }
    }
  }

  /** Builds {@link SnmpTransport}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private PamkitMib mib = PamkitMib.defaults();
    private boolean informs;
    private Duration timeout = Duration.ofSeconds(5);
    private int retries = 2;
    private String agentAddress = "0.0.0.0";
    private int maxTrapSize = 8192;
    private EventCatalog catalog = EventCatalog.defaults();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the enterprise OID under which notifications and objects are sent. Default: {@code
     * 1.3.6.1.4.1.32473} (RFC 5612's documentation number; {@code PAMKIT-MIB} is written for it).
     *
     * @param oid a dotted numeric OID
     * @return this builder
     * @throws IllegalArgumentException if the OID is malformed
     */
    public Builder enterpriseOid(String oid) {
      this.mib = PamkitMib.under(oid);
      return this;
    }

    /**
     * Sets whether v2c and v3 notifications are sent as informs, which the receiver acknowledges.
     * Default: false (traps). Version 1 has no informs and always sends traps.
     *
     * @param informs true for informs
     * @return this builder
     */
    public Builder informs(boolean informs) {
      this.informs = informs;
      return this;
    }

    /**
     * Sets how long to wait for an inform's acknowledgement per attempt. Default: 5 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive("timeout", timeout);
      return this;
    }

    /**
     * Sets how many times an unacknowledged inform is sent again. Default: 2.
     *
     * @param retries 0 to 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder retries(int retries) {
      this.retries = Arguments.inRange("retries", retries, 0, 10);
      return this;
    }

    /**
     * Sets the largest trap or inform PDU, in octets of its BER encoding (the message adds the
     * version and the community or USM header, under 200 octets). A notification that would be
     * bigger is cut to fit, never refused and never sent as an invalid PDU: the properties object
     * ({@code pamkitEventProperties}) loses the ends of its longest values, each cut value ending
     * with {@code ...[truncated]}, and if that is not enough its last properties, replaced by a
     * member {@code "...": "[truncated: N more properties]"}; it stays valid JSON. The other text
     * objects are always at most 255 octets ({@code SnmpAdminString}'s size), cut the same way.
     * Default: 8192, far below the UDP limit and large enough for the appliance's events; 2048
     * keeps a trap in two Ethernet frames.
     *
     * @param octets 2048 to 65000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxTrapSize(int octets) {
      this.maxTrapSize = Arguments.inRange("maxTrapSize", octets, 2048, 65000);
      return this;
    }

    /**
     * Sets the agent-addr of SNMPv1 traps. Default: {@code 0.0.0.0}.
     *
     * @param ipv4 an IPv4 address in dotted form
     * @return this builder
     * @throws IllegalArgumentException if not an IPv4 address
     */
    public Builder agentAddress(String ipv4) {
      requireNonNull(ipv4, "ipv4");
      if (!ipv4.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")) {
        throw new IllegalArgumentException("agentAddress '" + ipv4 + "' is not an IPv4 address");
      }
      this.agentAddress = ipv4;
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
     * Sets the clock of {@code sysUpTime} and receipts. Default: {@link Clock#systemUTC()}.
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
    public SnmpTransport build() {
      return new SnmpTransport(this);
    }
  }
}
