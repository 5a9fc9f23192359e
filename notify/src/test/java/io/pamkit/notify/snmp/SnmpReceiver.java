package io.pamkit.notify.snmp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.StatusInformation;
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
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** SNMP4J's own command responder on a loopback port, answering informs. */
final class SnmpReceiver implements CommandResponder, AutoCloseable {

  /** What arrived: the PDU and the security parameters it came with. */
  record Received(PDU pdu, int version, int securityLevel, String securityName) {}

  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final Snmp snmp;
  final DefaultUdpTransportMapping transport;

  SnmpReceiver(byte[] engineId, UsmUser... users) throws IOException {
    SecurityProtocols protocols =
        new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    protocols.addAuthenticationProtocol(new AuthMD5());
    protocols.addAuthenticationProtocol(new AuthSHA());
    protocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
    protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
    protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
    protocols.addPrivacyProtocol(new PrivDES());
    protocols.addPrivacyProtocol(new Priv3DES());
    protocols.addPrivacyProtocol(new PrivAES128());
    protocols.addPrivacyProtocol(new PrivAES192());
    protocols.addPrivacyProtocol(new PrivAES256());
    USM usm = new USM(protocols, new OctetString(engineId), 0);
    for (UsmUser u : users) {
      usm.addUser(u);
    }
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(engineId, null, protocols,
        SecurityModels.getCollection(new SecurityModel[] {usm}), CounterSupport.getInstance()));
    transport = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
    snmp = new Snmp(dispatcher, transport);
    snmp.addCommandResponder(this);
    snmp.listen();
  }

  int port() {
    return transport.getListenAddress().getPort();
  }

  @Override
  public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
    PDU pdu = event.getPDU();
    received.add(new Received(pdu, event.getMessageProcessingModel(), event.getSecurityLevel(),
        new String(event.getSecurityName(), StandardCharsets.UTF_8)));
    if (pdu.getType() == PDU.INFORM) {
      PDU response = (PDU) pdu.clone();
      response.setType(PDU.RESPONSE);
      response.setErrorStatus(PDU.noError);
      response.setErrorIndex(0);
      try {
        event.getMessageDispatcher().returnResponsePdu(
            event.getMessageProcessingModel(), event.getSecurityModel(), event.getSecurityName(),
            event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(),
            event.getStateReference(), new StatusInformation());
      } catch (MessageException e) {
        throw new IllegalStateException(e);
      }
    }
    event.setProcessed(true);
  }

  Received take() throws InterruptedException {
    Received r = received.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no SNMP notification arrived");
    }
    return r;
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }
}
