// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A real SNMP notification receiver on a loopback UDP port (SNMP4J's command responder): it keeps
 * every v1 trap, v2c trap and inform, and SNMPv3 ones from the USM users it is given, and answers
 * informs.
 *
 * <pre>{@code
 * try (TrapReceiver station = TrapReceiver.builder()
 *     .user(new UsmUser(new OctetString("noc"), AuthHMAC192SHA256.ID, new OctetString("auth-pass"),
 *         PrivAES128.ID, new OctetString("priv-pass")))
 *     .start()) {
 *   // point an SNMP subscriber at 127.0.0.1:station.port(), publish an event
 *   TrapReceiver.Trap trap = station.next();
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Every authentication (MD5, SHA-1, SHA-2) and privacy (DES, 3DES, AES) protocol SNMP4J knows is
 * enabled. Thread-safe.
 */
public final class TrapReceiver implements AutoCloseable {
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  /**
   * One notification as it arrived.
   *
   * @param pdu the PDU (a trap, a v1 trap or an inform)
   * @param messageProcessingModel the SNMP version's model: {@code MPv1.ID}, {@code MPv2c.ID} or
   *     {@code MPv3.ID}
   * @param securityLevel the security level ({@code SecurityLevel.NOAUTH_NOPRIV} for v1/v2c)
   * @param securityName the community (v1/v2c) or USM user name (v3)
   * @param text the PDU type and one {@code oid = value} line per variable binding, each annotated
   *     with its name when the receiver was given one
   */
  public record Trap(
      PDU pdu, int messageProcessingModel, int securityLevel, String securityName, String text) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a reference component is null
     */
    public Trap {
      requireNonNull(pdu, "pdu");
      requireNonNull(securityName, "securityName");
      requireNonNull(text, "text");
    }

    /**
     * Returns the value of the first variable binding with this OID.
     *
     * @param oid the dotted OID, e.g. {@code "1.3.6.1.6.3.1.1.4.1.0"}
     * @return the value as text, or null if the PDU has no such binding
     */
    public @Nullable String value(String oid) {
      for (VariableBinding vb : pdu.getVariableBindings()) {
        if (vb.getOid().toDottedString().equals(oid)) {
          return vb.toValueString();
        }
      }
      return null;
    }
  }

  private final Snmp snmp;
  private final DefaultUdpTransportMapping transport;
  private final Map<String, String> names;
  private final BlockingQueue<Trap> queue = new LinkedBlockingQueue<>();
  private final Arrivals<Trap> all = new Arrivals<>();

  private TrapReceiver(Snmp snmp, DefaultUdpTransportMapping transport, Map<String, String> names) {
    this.snmp = snmp;
    this.transport = transport;
    this.names = names;
  }

  /**
   * Starts a v1/v2c receiver on a free loopback port.
   *
   * @return the running receiver
   * @throws IOException if the socket cannot be opened
   */
  public static TrapReceiver start() throws IOException {
    return builder().start();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the UDP port notifications are received on.
   *
   * @return the port
   */
  public int port() {
    return transport.getListenAddress().getPort();
  }

  /**
   * Takes the next notification, waiting up to ten seconds.
   *
   * @return the notification
   * @throws AssertionError if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Trap next() throws InterruptedException {
    Trap t = poll(DEFAULT_WAIT);
    if (t == null) {
      throw new AssertionError("no SNMP notification arrived within " + DEFAULT_WAIT);
    }
    return t;
  }

  /**
   * Takes the next notification if one arrives in time.
   *
   * @param timeout how long to wait
   * @return the notification, or null if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public @Nullable Trap poll(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Returns every notification received so far, whether taken or not.
   *
   * @return an immutable snapshot, in arrival order
   */
  public List<Trap> traps() {
    return all.snapshot();
  }

  /**
   * Waits until at least {@code count} notifications were received in all, then returns them.
   *
   * @param count how many
   * @param timeout how long to wait at most
   * @return every notification so far; fewer than {@code count} on timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public List<Trap> awaitTraps(int count, Duration timeout) throws InterruptedException {
    return all.await(count, timeout);
  }

  private final class Responder implements CommandResponder {
    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
      PDU pdu = event.getPDU();
      if (pdu == null) {
        return;
      }
      Trap trap =
          new Trap(
              pdu,
              event.getMessageProcessingModel(),
              event.getSecurityLevel(),
              new String(event.getSecurityName(), StandardCharsets.UTF_8),
              text(pdu));
      all.add(trap);
      queue.add(trap);
      if (pdu.getType() == PDU.INFORM) {
        respond(event, pdu);
      }
      event.setProcessed(true);
    }
  }

  private static <A extends Address> void respond(CommandResponderEvent<A> event, PDU pdu) {
    PDU response = (PDU) pdu.clone();
    response.setType(PDU.RESPONSE);
    response.setErrorStatus(PDU.noError);
    response.setErrorIndex(0);
    try {
      event
          .getMessageDispatcher()
          .returnResponsePdu(
              event.getMessageProcessingModel(),
              event.getSecurityModel(),
              event.getSecurityName(),
              event.getSecurityLevel(),
              response,
              event.getMaxSizeResponsePDU(),
              event.getStateReference(),
              new StatusInformation());
    } catch (MessageException e) {
      throw new IllegalStateException("cannot answer the inform", e);
    }
  }

  private String text(PDU pdu) {
    StringBuilder sb = new StringBuilder(PDU.getTypeString(pdu.getType()));
    for (VariableBinding vb : pdu.getVariableBindings()) {
      String oid = vb.getOid().toDottedString();
      String value = vb.toValueString();
      sb.append("\n    ").append(oid).append(" = ").append(value);
      String name = names.get(oid);
      if (name != null) {
        String valueName = names.get(value);
        sb.append("   [")
            .append(name)
            .append(valueName != null ? " = " + valueName : "")
            .append(']');
      }
    }
    return sb.toString();
  }

  /** Stops listening. */
  @Override
  public void close() throws IOException {
    snmp.close();
  }

  /** Builds {@link TrapReceiver}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private byte @Nullable [] engineId;
    private final List<UsmUser> users = new ArrayList<>();
    private Map<String, String> names = Map.of();
    private int port;

    private Builder() {}

    /**
     * Sets the receiver's SNMPv3 engine id, which senders of informs discover. Default: a generated
     * local engine id.
     *
     * @param engineId the engine id, 5 to 32 bytes
     * @return this builder
     */
    public Builder engineId(byte[] engineId) {
      this.engineId = requireNonNull(engineId, "engineId").clone();
      return this;
    }

    /**
     * Accepts SNMPv3 notifications from a USM user (of any sending engine). Default: no user, v1
     * and v2c only.
     *
     * @param user the user with its protocols and passphrases
     * @return this builder
     */
    public Builder user(UsmUser user) {
      users.add(requireNonNull(user, "user"));
      return this;
    }

    /**
     * Names OIDs in {@link Trap#text()}, e.g. {@code "1.3.6.1.6.3.1.1.4.1.0" -> "snmpTrapOID.0"}.
     * Default: none.
     *
     * @param names dotted OID to name
     * @return this builder
     */
    public Builder oidNames(Map<String, String> names) {
      this.names = Map.copyOf(requireNonNull(names, "names"));
      return this;
    }

    /**
     * Sets the UDP port. Default: one the kernel chooses.
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if the port is outside 1..65535
     */
    public Builder port(int port) {
      this.port = FreePorts.checkPort(port);
      return this;
    }

    /**
     * Opens the socket and starts listening.
     *
     * @return the running receiver
     * @throws IOException if the socket cannot be opened
     */
    public TrapReceiver start() throws IOException {
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
      byte[] id = engineId != null ? engineId : MPv3.createLocalEngineID();
      USM usm = new USM(protocols, new OctetString(id), 0);
      for (UsmUser u : users) {
        usm.addUser(u);
      }
      MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
      dispatcher.addMessageProcessingModel(new MPv1());
      dispatcher.addMessageProcessingModel(new MPv2c());
      dispatcher.addMessageProcessingModel(
          new MPv3(
              id,
              null,
              protocols,
              SecurityModels.getCollection(new SecurityModel[] {usm}),
              CounterSupport.getInstance()));
      DefaultUdpTransportMapping transport =
          new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/" + port));
      Snmp snmp = new Snmp(dispatcher, transport);
      TrapReceiver r = new TrapReceiver(snmp, transport, names);
      snmp.addCommandResponder(r.new Responder());
      snmp.listen();
      return r;
    }
  }
}
