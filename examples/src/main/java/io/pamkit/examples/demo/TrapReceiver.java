package io.pamkit.examples.demo;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A small in-process SNMP trap receiver (snmp4j) for the demo: listens on a loopback UDP port and
 * keeps each v1/v2c trap (and, when started with {@link #startV3}, each SNMPv3 trap of the
 * configured user) as a line of {@code OID = value} pairs.
 */
public final class TrapReceiver implements AutoCloseable, CommandResponder {
  /** Object names of the varbinds pamkit sends (SNMPv2-MIB and PAMKIT-MIB), for the printout. */
  private static final java.util.Map<String, String> NAMES = names();

  private final Snmp snmp;
  private final DefaultUdpTransportMapping transport;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final List<String> all = new CopyOnWriteArrayList<>();

  private TrapReceiver(Snmp snmp, DefaultUdpTransportMapping transport) {
    this.snmp = snmp;
    this.transport = transport;
  }

  /**
   * Starts a receiver on an ephemeral loopback port.
   *
   * @return the running receiver
   * @throws IOException if the socket cannot be opened
   */
  public static TrapReceiver start() throws IOException {
    DefaultUdpTransportMapping transport =
        new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    Snmp snmp = new Snmp(dispatcher, transport);
    TrapReceiver r = new TrapReceiver(snmp, transport);
    snmp.addCommandResponder(r);
    snmp.listen();
    return r;
  }

  /**
   * Starts a receiver that also accepts SNMPv3 traps (authPriv: HMAC-SHA-256 and AES-128) from
   * one USM user (of any sending engine: its keys are localised to the sender's engine id), on
   * an ephemeral loopback port.
   *
   * @param user the USM user name
   * @param authPassword the authentication password (at least 8 characters)
   * @param privPassword the privacy password (at least 8 characters)
   * @return the running receiver
   * @throws IOException if the socket cannot be opened
   */
  public static TrapReceiver startV3(
      String user, String authPassword, String privPassword) throws IOException {
    DefaultUdpTransportMapping transport =
        new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
    SecurityProtocols protocols =
        new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
    USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
    usm.addUser(
        new UsmUser(new OctetString(user), AuthHMAC192SHA256.ID, new OctetString(authPassword),
            PrivAES128.ID, new OctetString(privPassword)));
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    SecurityModels models = new SecurityModels();
    models.addSecurityModel(usm);
    dispatcher.addMessageProcessingModel(new MPv3(usm.getLocalEngineID().getValue(),
        null, protocols, models, org.snmp4j.mp.CounterSupport.getInstance()));
    Snmp snmp = new Snmp(dispatcher, transport);
    TrapReceiver r = new TrapReceiver(snmp, transport);
    snmp.addCommandResponder(r);
    snmp.listen();
    return r;
  }

  /** @return the UDP port traps are received on */
  public int port() {
    Address a = transport.getListenAddress();
    return ((UdpAddress) a).getPort();
  }

  private static java.util.Map<String, String> names() {
    io.pamkit.notify.snmp.PamkitMib mib = io.pamkit.notify.snmp.PamkitMib.defaults();
    java.util.Map<String, String> m = new java.util.HashMap<>();
    m.put("1.3.6.1.2.1.1.3.0", "sysUpTime.0");
    m.put("1.3.6.1.6.3.1.1.4.1.0", "snmpTrapOID.0");
    String[] objects = {"pamkitEventName", "pamkitEventCategory", "pamkitEventLevel",
        "pamkitEventTime", "pamkitEventAppliance", "pamkitEventIdempotencyKey",
        "pamkitEventProperties", "pamkitEventId"};
    for (int i = 0; i < objects.length; i++) {
      m.put(mib.objectOid(i + 1) + ".0", objects[i] + ".0");
    }
    m.put(mib.notificationOid(io.pamkit.core.event.EventLevel.Info), "pamkitEventInfo");
    m.put(mib.notificationOid(io.pamkit.core.event.EventLevel.Warn), "pamkitEventWarning");
    m.put(mib.notificationOid(io.pamkit.core.event.EventLevel.Error), "pamkitEventAlarm");
    return java.util.Map.copyOf(m);
  }

  @Override
  public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
    PDU pdu = event.getPDU();
    if (pdu == null) {
      return;
    }
    StringBuilder sb = new StringBuilder(PDU.getTypeString(pdu.getType()));
    for (VariableBinding vb : pdu.getVariableBindings()) {
      String oid = vb.getOid().toDottedString();
      String value = vb.toValueString();
      sb.append("\n    ").append(oid).append(" = ").append(value);
      String name = NAMES.get(oid);
      if (name != null) {
        String valueName = NAMES.get(value);
        sb.append("   [").append(name).append(valueName != null ? " = " + valueName : "")
            .append(']');
      }
    }
    all.add(sb.toString());
    received.add(sb.toString());
    event.setProcessed(true);
  }

  /**
   * Waits for the next trap.
   *
   * @param timeoutMillis how long to wait
   * @return the trap as text, or null if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public String poll(long timeoutMillis) throws InterruptedException {
    return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** @return every trap received so far */
  public List<String> traps() {
    return List.copyOf(all);
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }
}
