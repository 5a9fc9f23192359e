// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

final class TrapReceiverTest {
  private static final String TRAP_OID = "1.3.6.1.4.1.99999.0.1";

  @Test
  void v2cTrap_keptWithNamedBindings() throws Exception {
    try (TrapReceiver rx =
        TrapReceiver.builder()
            .oidNames(Map.of("1.3.6.1.6.3.1.1.4.1.0", "snmpTrapOID.0", TRAP_OID, "testTrap"))
            .start()) {
      send(rx.port(), PDU.TRAP);
      TrapReceiver.Trap trap = rx.next();
      assertEquals(MPv2c.ID, trap.messageProcessingModel());
      assertEquals("public", trap.securityName());
      assertEquals(TRAP_OID, trap.value("1.3.6.1.6.3.1.1.4.1.0"));
      assertTrue(trap.text().startsWith("TRAP"), trap.text());
      assertTrue(trap.text().contains("[snmpTrapOID.0 = testTrap]"), trap.text());
      assertEquals(1, rx.traps().size());
    }
  }

  @Test
  void inform_answered() throws Exception {
    try (TrapReceiver rx = TrapReceiver.start()) {
      ResponseEvent<UdpAddress> response = send(rx.port(), PDU.INFORM);
      assertNotNull(response.getResponse(), "the receiver answers informs");
      assertEquals(PDU.RESPONSE, response.getResponse().getType());
      assertEquals(1, rx.awaitTraps(1, Duration.ofSeconds(10)).size());
    }
  }

  private static ResponseEvent<UdpAddress> send(int port, int type) throws Exception {
    try (DefaultUdpTransportMapping t = new DefaultUdpTransportMapping();
        Snmp snmp = new Snmp(t)) {
      snmp.listen();
      CommunityTarget<UdpAddress> target =
          new CommunityTarget<>(new UdpAddress("127.0.0.1/" + port), new OctetString("public"));
      target.setVersion(SnmpConstants.version2c);
      target.setTimeout(5_000);
      PDU pdu = new PDU();
      pdu.setType(type);
      pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(42)));
      pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID(TRAP_OID)));
      return snmp.send(pdu, target);
    }
  }
}
