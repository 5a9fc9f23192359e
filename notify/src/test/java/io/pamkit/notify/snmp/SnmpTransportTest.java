// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.testing.TrapReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

final class SnmpTransportTest {
  private static final String E = "1.3.6.1.4.1.32473";
  private static final byte[] RECEIVER_ENGINE = MPv3.createLocalEngineID(new OctetString("rx"));
  private static final String AUTH = "auth-pass-1234";
  private static final String PRIV = "priv-pass-5678";

  static Notification notification(SnmpSubscriberProperties p, EventLevel level) {
    ApplianceEvent e =
        ApplianceEvent.builder("PasswordChangeFailed")
            .id("ev-9")
            .applianceId("SPP-1")
            .level(level)
            .time(Instant.parse("2026-03-04T05:06:07.800Z"))
            .property("AssetName", "dc01")
            .property("Quote", "a\"b\\c\u00e9")
            .build();
    Subscriber s = Subscriber.builder(Subscriber.SNMP).id(5).snmpProperties(p).build();
    return Notification.of(e, s);
  }

  private static TrapReceiver.Builder receiver() {
    return TrapReceiver.builder().engineId(RECEIVER_ENGINE);
  }

  private static SnmpSubscriberProperties.Builder to(TrapReceiver rx) {
    return SnmpSubscriberProperties.builder().networkAddress("127.0.0.1").port(rx.port());
  }

  /**
   * The receiver's USM user {@code name}, with the test's passwords for the protocols that are not
   * null; {@link #v3} gives the subscriber the same.
   */
  private static UsmUser user(
      String name, @Nullable SnmpAuthenticationType auth, @Nullable SnmpEncryptionType priv) {
    return new UsmUser(
        new OctetString(name),
        auth == null ? null : SnmpTransport.authProtocol(auth),
        auth == null ? null : new OctetString(AUTH),
        priv == null ? null : SnmpTransport.privProtocol(priv),
        priv == null ? null : new OctetString(PRIV));
  }

  /** A v3 subscriber of the receiver as USM user {@code name} of {@link #user}. */
  private static SnmpSubscriberProperties.Builder v3(
      TrapReceiver rx,
      String name,
      @Nullable SnmpAuthenticationType auth,
      @Nullable SnmpEncryptionType priv) {
    SnmpSubscriberProperties.Builder b = to(rx).version(3).authenticationUserName(name);
    if (auth != null) {
      b.authenticationType(auth).authenticationPassword(Secret.of(AUTH));
    }
    if (priv != null) {
      b.encryptionType(priv).encryptionPassword(Secret.of(PRIV));
    }
    return b;
  }

  /** The exception of sending an Info notification to the subscriber. */
  private static DeliveryException failure(SnmpTransport t, SnmpSubscriberProperties.Builder p) {
    SnmpSubscriberProperties props = p.build();
    return assertThrows(
        DeliveryException.class, () -> t.send(notification(props, EventLevel.INFO)));
  }

  private static String value(PDU pdu, String oid) {
    VariableBinding vb =
        pdu.getVariableBindings().stream()
            .filter(v -> v.getOid().equals(new OID(oid)))
            .findFirst()
            .orElseThrow(() -> new AssertionError(oid + " missing from " + pdu));
    return vb.getVariable() instanceof OctetString
        ? new String(((OctetString) vb.getVariable()).getValue(), UTF_8)
        : vb.getVariable().toString();
  }

  private static void assertObjects(PDU pdu) throws Exception {
    assertEquals("PasswordChangeFailed", value(pdu, E + ".2.1.0"));
    assertEquals("PasswordManagement", value(pdu, E + ".2.2.0"));
    assertEquals("SPP-1", value(pdu, E + ".2.5.0"));
    assertEquals("ev-9/5", value(pdu, E + ".2.6.0"));
    assertEquals(
        Map.of("AssetName", "dc01", "Quote", "a\"b\\c\u00e9"),
        new ObjectMapper().readValue(value(pdu, E + ".2.7.0"), Map.class));
    assertEquals("ev-9", value(pdu, E + ".2.8.0"));
    OctetString time = (OctetString) pdu.getVariable(new OID(E + ".2.4.0"));
    assertArrayEquals(new byte[] {0x07, (byte) 0xEA, 3, 4, 5, 6, 7, 8, '+', 0, 0}, time.getValue());
  }

  @Test
  void send_v1Trap_enterpriseSpecificTrapWithCommunity() throws Exception {
    try (TrapReceiver rx = receiver().start();
        SnmpTransport t = SnmpTransport.builder().agentAddress("192.0.2.7").build()) {
      t.send(
          notification(
              to(rx).version(1).community(Secret.of("v1-community")).build(), EventLevel.ERROR));
      TrapReceiver.Trap r = rx.next();
      assertEquals(MessageProcessingModel.MPv1, r.messageProcessingModel());
      assertEquals("v1-community", r.securityName());
      PDUv1 pdu = (PDUv1) r.pdu();
      assertEquals(PDU.V1TRAP, pdu.getType());
      assertEquals(new OID(E + ".1"), pdu.getEnterprise());
      assertEquals(PDUv1.ENTERPRISE_SPECIFIC, pdu.getGenericTrap());
      assertEquals(3, pdu.getSpecificTrap());
      assertEquals("192.0.2.7", pdu.getAgentAddress().toString());
      assertEquals("4", value(pdu, E + ".2.3.0"));
      assertObjects(pdu);
    }
  }

  @Test
  void send_v2cTrap_sysUpTimeThenTrapOidFirst() throws Exception {
    try (TrapReceiver rx = receiver().start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      DeliveryReceipt receipt = t.send(notification(to(rx).build(), EventLevel.WARN));
      assertEquals(DeliveryAssurance.SENT_UNVERIFIED, receipt.assurance()); // a trap: no answer
      TrapReceiver.Trap r = rx.next();
      assertEquals(MessageProcessingModel.MPv2c, r.messageProcessingModel());
      assertEquals("public", r.securityName());
      PDU pdu = r.pdu();
      assertEquals(PDU.TRAP, pdu.getType());
      assertEquals(SnmpConstants.sysUpTime, pdu.get(0).getOid());
      assertTrue(pdu.get(0).getVariable() instanceof TimeTicks);
      assertEquals(SnmpConstants.snmpTrapOID, pdu.get(1).getOid());
      assertEquals(new OID(E + ".1.0.2"), pdu.get(1).getVariable());
      assertEquals("3", value(pdu, E + ".2.3.0"));
      assertObjects(pdu);
    }
  }

  @Test
  void send_v3AuthNoPriv_authenticatedTrap() throws Exception {
    SnmpAuthenticationType sha256 = SnmpAuthenticationType.SHA256;
    try (TrapReceiver rx = receiver().user(user("alice", sha256, null)).start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(notification(v3(rx, "alice", sha256, null).build(), EventLevel.INFO));
      TrapReceiver.Trap r = rx.next();
      assertEquals(MessageProcessingModel.MPv3, r.messageProcessingModel());
      assertEquals(SecurityLevel.AUTH_NOPRIV, r.securityLevel());
      assertEquals("alice", r.securityName());
      assertEquals(new OID(E + ".1.0.1"), r.pdu().get(1).getVariable());
      assertObjects(r.pdu());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "MD5,DES",
    "SHA1,AES128",
    "SHA224,AES192",
    "SHA256,AES256",
    "SHA384,AES128",
    "SHA512,TRIPLE_DES",
    "SHA1,TRIPLE_DES"
  })
  void send_v3AuthPriv_everyProtocolPair(SnmpAuthenticationType auth, SnmpEncryptionType priv)
      throws Exception {
    try (TrapReceiver rx = receiver().user(user("bob", auth, priv)).start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(
          notification(
              v3(rx, "bob", auth, priv).engineId("0x80007ED90470616d6b6974").build(),
              EventLevel.ERROR));
      TrapReceiver.Trap r = rx.next();
      assertEquals(SecurityLevel.AUTH_PRIV, r.securityLevel());
      assertEquals("bob", r.securityName());
      assertObjects(r.pdu());
    }
  }

  @Test
  void send_v2cInform_acknowledgedWithRequestId() throws Exception {
    try (TrapReceiver rx = receiver().start();
        SnmpTransport t = SnmpTransport.builder().informs(true).build()) {
      DeliveryReceipt receipt = t.send(notification(to(rx).build(), EventLevel.INFO));
      PDU pdu = rx.next().pdu();
      assertEquals(PDU.INFORM, pdu.getType());
      assertEquals(
          String.valueOf(pdu.getRequestID().getValue()), receipt.messageId().orElseThrow());
      assertEquals(DeliveryAssurance.ACKNOWLEDGED, receipt.assurance());
    }
  }

  @Test
  void send_v3Inform_authPrivAcknowledged() throws Exception {
    SnmpAuthenticationType sha1 = SnmpAuthenticationType.SHA1;
    SnmpEncryptionType aes128 = SnmpEncryptionType.AES128;
    try (TrapReceiver rx = receiver().user(user("carol", sha1, aes128)).start();
        SnmpTransport t = SnmpTransport.builder().informs(true).build()) {
      DeliveryReceipt receipt =
          t.send(notification(v3(rx, "carol", sha1, aes128).build(), EventLevel.WARN));
      TrapReceiver.Trap r = rx.next();
      assertEquals(PDU.INFORM, r.pdu().getType());
      assertEquals(SecurityLevel.AUTH_PRIV, r.securityLevel());
      assertTrue(receipt.messageId().isPresent());
    }
  }

  @Test
  void send_informNobodyListening_transientAfterRetries() throws Exception {
    int port;
    try (TrapReceiver gone = receiver().start()) {
      port = gone.port();
    }
    try (SnmpTransport t =
        SnmpTransport.builder().informs(true).timeout(Duration.ofMillis(200)).retries(1).build()) {
      DeliveryException e =
          failure(
              t,
              SnmpSubscriberProperties.builder()
                  .networkAddress("127.0.0.1")
                  .port(port)
                  .community(Secret.of("s3cret-comm")));
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(e.getMessage().contains("not acknowledged after 2 attempts"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret-comm"));
    }
  }

  @Test
  void send_v3InformWrongPassword_rejectedWithoutLeakingIt() throws Exception {
    SnmpAuthenticationType sha256 = SnmpAuthenticationType.SHA256;
    try (TrapReceiver rx = receiver().user(user("dave", sha256, null)).start();
        SnmpTransport t =
            SnmpTransport.builder()
                .informs(true)
                .timeout(Duration.ofMillis(300))
                .retries(0)
                .build()) {
      DeliveryException e =
          failure(
              t,
              v3(rx, "dave", sha256, null).authenticationPassword(Secret.of("wrong-password-99")));
      // SNMP4J drops a message with a wrong digest without a report, so the inform times out
      assertEquals(FailureType.TRANSIENT, e.failureType(), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-password-99"), e.getMessage());
      assertTrue(rx.traps().isEmpty(), "the receiver must not accept a bad digest");
    }
  }

  @Test
  void engineId_derivedFromApplianceIdOrGiven() {
    try (SnmpTransport t = SnmpTransport.builder().build()) {
      SnmpSubscriberProperties p =
          SnmpSubscriberProperties.builder().version(3).authenticationUserName("u").build();
      assertEquals("80007ed904535050", HexFormat.of().formatHex(t.engineId(p, "SPP")));
      assertEquals(
          "80007ed904" + HexFormat.of().formatHex("pamkit".getBytes(UTF_8)),
          HexFormat.of().formatHex(t.engineId(p, "")));
      assertEquals(
          "0a0b0c0d0e",
          HexFormat.of()
              .formatHex(t.engineId(p.toBuilder().engineId("0x0A0b0c0d0e").build(), "SPP")));
    }
  }

  @Test
  void builder_badEnterpriseOid_rejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SnmpTransport.builder().enterpriseOid("1.3.6.x"));
    assertTrue(e.getMessage().contains("1.3.6.x"));
    assertEquals(
        "1.3.6.1.4.1.99.1.0.3",
        PamkitMib.under("1.3.6.1.4.1.99").notificationOid(EventLevel.ERROR));
  }

  @Test
  void mibText_isTheShippedModule() {
    String mib = PamkitMib.text();
    assertTrue(mib.startsWith("PAMKIT-MIB DEFINITIONS ::= BEGIN"));
    assertTrue(mib.contains("::= { enterprises 32473 }"));
  }

  @Test
  void send_subscriberWithoutPropertiesOrAddress_permanentMessage() {
    try (SnmpTransport t = SnmpTransport.builder().build()) {
      ApplianceEvent e = ApplianceEvent.builder("Test").build();
      DeliveryException none =
          assertThrows(
              DeliveryException.class,
              () -> t.send(Notification.of(e, Subscriber.builder(Subscriber.SNMP).id(1).build())));
      assertEquals(FailureType.PERMANENT_MESSAGE, none.failureType());
      DeliveryException noAddress =
          assertThrows(
              DeliveryException.class,
              () ->
                  t.send(
                      Notification.of(
                          e,
                          Subscriber.builder(Subscriber.SNMP)
                              .id(2)
                              .snmpProperties(SnmpSubscriberProperties.builder().build())
                              .build())));
      assertEquals(FailureType.PERMANENT_MESSAGE, noAddress.failureType());
      assertTrue(noAddress.getMessage().contains("NetworkAddress"), noAddress.getMessage());
    }
  }

  @Test
  void toString_neverShowsCommunityOrPasswords() {
    SnmpSubscriberProperties p =
        SnmpSubscriberProperties.builder()
            .networkAddress("nms")
            .community(Secret.of("comm-secret"))
            .version(3)
            .authenticationUserName("u")
            .authenticationType(SnmpAuthenticationType.SHA256)
            .authenticationPassword(Secret.of("auth-secret"))
            .build();
    try (SnmpTransport t = SnmpTransport.builder().build()) {
      String text = p + " " + t;
      assertFalse(text.contains("secret"), text);
    }
  }

  @Test
  void send_v3NoAuthNoPriv_userOnly() throws Exception {
    try (TrapReceiver rx = receiver().user(user("eve", null, null)).start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(notification(v3(rx, "eve", null, null).build(), EventLevel.DEBUG));
      TrapReceiver.Trap r = rx.next();
      assertEquals(SecurityLevel.NOAUTH_NOPRIV, r.securityLevel());
      assertEquals("eve", r.securityName());
      assertEquals("1", value(r.pdu(), E + ".2.3.0"));
    }
  }

  private static ApplianceEvent event(String applianceId, Map<String, String> properties) {
    ApplianceEvent.Builder e =
        ApplianceEvent.builder("PasswordChangeFailed")
            .id("ev-7")
            .applianceId(applianceId)
            .time(Instant.parse("2026-03-04T05:06:07.800Z"));
    properties.forEach(e::property);
    return e.build();
  }

  private static Notification to(TrapReceiver rx, ApplianceEvent e) {
    Subscriber s = Subscriber.builder(Subscriber.SNMP).id(5).snmpProperties(to(rx).build()).build();
    return Notification.of(e, s);
  }

  /** No C0, DEL, C1, U+2028/2029 or bidi control reaches the wire in any text object. */
  private static void assertDisplaySafe(PDU pdu) {
    for (VariableBinding vb : pdu.getVariableBindings()) {
      if (vb.getVariable() instanceof OctetString && !vb.getOid().equals(new OID(E + ".2.4.0"))) {
        String text = new String(((OctetString) vb.getVariable()).getValue(), UTF_8);
        text.codePoints()
            .forEach(c -> assertFalse(SnmpTransport.displayUnsafe(c), vb.getOid() + ": " + text));
      }
    }
  }

  @Test
  void send_controlAndBidiCharacters_escapedInEveryTextObject() throws Exception {
    String hostile = "a\nb\r\u0000c\u007fd\u009b2Je\u2028f\u202egnp.exe\u2066";
    Map<String, String> props = new java.util.LinkedHashMap<>();
    props.put("UserName", hostile);
    props.put("Reason", "x\u0085<13>1 forged");
    try (TrapReceiver rx = receiver().start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(to(rx, event("SPP\u202e1", props)));
      PDU pdu = rx.next().pdu();
      assertDisplaySafe(pdu);
      // The JSON object reads back to the exact values: only the encoding is escaped.
      assertEquals(props, new ObjectMapper().readValue(value(pdu, E + ".2.7.0"), Map.class));
      assertTrue(value(pdu, E + ".2.7.0").contains("c\\u007Fd"), value(pdu, E + ".2.7.0"));
      // Plain text objects show the escape as text.
      assertEquals("SPP\\u202E1", value(pdu, E + ".2.5.0"));
    }
  }

  @Test
  void send_hugeValue_cutToTheLimitWithMarker_validPduAndJson() throws Exception {
    Map<String, String> props = new java.util.LinkedHashMap<>();
    props.put("Small", "kept");
    props.put("Huge", "\u00e9".repeat(100_000));
    props.put("Big", "b".repeat(3_000));
    try (TrapReceiver rx = receiver().start();
        SnmpTransport t = SnmpTransport.builder().maxTrapSize(4096).build()) {
      t.send(to(rx, event("A".repeat(10_000), props)));
      PDU pdu = rx.next().pdu();
      assertTrue(pdu.getBERLength() <= 4096, "PDU of " + pdu.getBERLength() + " octets");
      @SuppressWarnings("unchecked")
      Map<String, String> got = new ObjectMapper().readValue(value(pdu, E + ".2.7.0"), Map.class);
      assertEquals("kept", got.get("Small"));
      assertTrue(got.get("Huge").endsWith(SnmpTransport.TRUNCATED), got.get("Huge"));
      assertTrue(got.get("Big").endsWith(SnmpTransport.TRUNCATED), got.get("Big"));
      assertTrue(got.get("Huge").startsWith("\u00e9\u00e9"), got.get("Huge"));
      String appliance = value(pdu, E + ".2.5.0");
      assertEquals(255, appliance.getBytes(UTF_8).length);
      assertTrue(appliance.endsWith(SnmpTransport.TRUNCATED), appliance);
      assertEquals("PasswordChangeFailed", value(pdu, E + ".2.1.0"));
    }
  }

  @Test
  void send_tooManyProperties_lastOnesLeftOutAndCounted() throws Exception {
    Map<String, String> props = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 2_000; i++) {
      props.put("Property" + i, "v");
    }
    try (TrapReceiver rx = receiver().start();
        SnmpTransport t = SnmpTransport.builder().maxTrapSize(2048).build()) {
      t.send(to(rx, event("SPP-1", props)));
      PDU pdu = rx.next().pdu();
      assertTrue(pdu.getBERLength() <= 2048, "PDU of " + pdu.getBERLength() + " octets");
      @SuppressWarnings("unchecked")
      Map<String, String> got = new ObjectMapper().readValue(value(pdu, E + ".2.7.0"), Map.class);
      assertTrue(got.containsKey("Property0"), got.toString());
      assertTrue(got.get("...").matches("\\[truncated: \\d+ more properties]"), got.get("..."));
      int kept = got.size() - 1;
      assertEquals("[truncated: " + (2_000 - kept) + " more properties]", got.get("..."));
    }
  }

  @Test
  void propertiesJson_fitsTheBudgetAndStaysValid() throws Exception {
    Map<String, String> props = Map.of("K", "\uD83D\uDE00".repeat(50));
    for (int budget = 2; budget < 260; budget++) {
      String json = SnmpTransport.propertiesJson(props, budget);
      assertTrue(json.getBytes(UTF_8).length <= budget, budget + ": " + json);
      new ObjectMapper().readTree(json); // valid JSON at every size
    }
  }

  @Test
  void maxTrapSize_outOfRange_refused() {
    assertThrows(IllegalArgumentException.class, () -> SnmpTransport.builder().maxTrapSize(2047));
    assertThrows(IllegalArgumentException.class, () -> SnmpTransport.builder().maxTrapSize(65001));
  }
}
