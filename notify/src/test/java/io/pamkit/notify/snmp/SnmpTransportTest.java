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
    UsmUser user =
        new UsmUser(
            new OctetString("alice"),
            SnmpTransport.authProtocol(SnmpAuthenticationType.SHA256),
            new OctetString(AUTH),
            null,
            null);
    try (TrapReceiver rx = receiver().user(user).start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(
          notification(
              to(rx)
                  .version(3)
                  .authenticationUserName("alice")
                  .authenticationType(SnmpAuthenticationType.SHA256)
                  .authenticationPassword(Secret.of(AUTH))
                  .build(),
              EventLevel.INFO));
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
    UsmUser user =
        new UsmUser(
            new OctetString("bob"),
            SnmpTransport.authProtocol(auth),
            new OctetString(AUTH),
            SnmpTransport.privProtocol(priv),
            new OctetString(PRIV));
    try (TrapReceiver rx = receiver().user(user).start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(
          notification(
              to(rx)
                  .version(3)
                  .engineId("0x80007ED90470616d6b6974")
                  .authenticationUserName("bob")
                  .authenticationType(auth)
                  .authenticationPassword(Secret.of(AUTH))
                  .encryptionType(priv)
                  .encryptionPassword(Secret.of(PRIV))
                  .build(),
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
    UsmUser user =
        new UsmUser(
            new OctetString("carol"),
            SnmpTransport.authProtocol(SnmpAuthenticationType.SHA1),
            new OctetString(AUTH),
            SnmpTransport.privProtocol(SnmpEncryptionType.AES128),
            new OctetString(PRIV));
    try (TrapReceiver rx = receiver().user(user).start();
        SnmpTransport t = SnmpTransport.builder().informs(true).build()) {
      DeliveryReceipt receipt =
          t.send(
              notification(
                  to(rx)
                      .version(3)
                      .authenticationUserName("carol")
                      .authenticationType(SnmpAuthenticationType.SHA1)
                      .authenticationPassword(Secret.of(AUTH))
                      .encryptionType(SnmpEncryptionType.AES128)
                      .encryptionPassword(Secret.of(PRIV))
                      .build(),
                  EventLevel.WARN));
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
          assertThrows(
              DeliveryException.class,
              () ->
                  t.send(
                      notification(
                          SnmpSubscriberProperties.builder()
                              .networkAddress("127.0.0.1")
                              .port(port)
                              .community(Secret.of("s3cret-comm"))
                              .build(),
                          EventLevel.INFO)));
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(e.getMessage().contains("not acknowledged after 2 attempts"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret-comm"));
    }
  }

  @Test
  void send_v3InformWrongPassword_rejectedWithoutLeakingIt() throws Exception {
    UsmUser user =
        new UsmUser(
            new OctetString("dave"),
            SnmpTransport.authProtocol(SnmpAuthenticationType.SHA256),
            new OctetString(AUTH),
            null,
            null);
    try (TrapReceiver rx = receiver().user(user).start();
        SnmpTransport t =
            SnmpTransport.builder()
                .informs(true)
                .timeout(Duration.ofMillis(300))
                .retries(0)
                .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () ->
                  t.send(
                      notification(
                          to(rx)
                              .version(3)
                              .authenticationUserName("dave")
                              .authenticationType(SnmpAuthenticationType.SHA256)
                              .authenticationPassword(Secret.of("wrong-password-99"))
                              .build(),
                          EventLevel.INFO)));
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
    UsmUser user = new UsmUser(new OctetString("eve"), null, null, null, null);
    try (TrapReceiver rx = receiver().user(user).start();
        SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(
          notification(to(rx).version(3).authenticationUserName("eve").build(), EventLevel.DEBUG));
      TrapReceiver.Trap r = rx.next();
      assertEquals(SecurityLevel.NOAUTH_NOPRIV, r.securityLevel());
      assertEquals("eve", r.securityName());
      assertEquals("1", value(r.pdu(), E + ".2.3.0"));
    }
  }
}
