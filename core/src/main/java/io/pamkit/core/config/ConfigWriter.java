// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.policy.Service;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a {@link PamkitConfig} as a Jackson tree in the document's shape. */
final class ConfigWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SecretOutput secrets;

  private ConfigWriter(SecretOutput secrets) {
    this.secrets = secrets;
  }

  static String write(PamkitConfig c, SecretOutput secrets) {
    ObjectNode root = new ConfigWriter(secrets).tree(c);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private ObjectNode tree(PamkitConfig c) {
    ObjectNode root = MAPPER.createObjectNode();
    c.sections().forEach((field, node) -> root.set(field, redact(node)));
    ArrayNode snmp = root.putArray("SnmpDestinations");
    for (SnmpDestination d : c.snmpDestinations()) {
      ObjectNode o = snmp.addObject();
      o.put("Name", d.name());
      snmpProperties(o, d.properties());
    }
    ArrayNode templates = root.putArray("EmailTemplates");
    for (EmailTemplateConfig t : c.emailTemplates()) {
      ObjectNode o = templates.addObject();
      t.name().ifPresent(n -> o.put("Name", n));
      t.eventName().ifPresent(n -> o.put("EventName", n));
      t.replyToEmail().ifPresent(a -> o.put("ReplyToEmail", a.toString()));
      o.put("SubjectTemplate", t.subjectTemplate());
      o.put("BodyTemplate", t.bodyTemplate());
    }
    ArrayNode subscribers = root.putArray("EventSubscribers");
    for (Subscriber s : c.eventSubscribers()) {
      subscriber(subscribers.addObject(), s);
    }
    ObjectNode services = root.putObject("ServicesConfig");
    c.servicesConfig().servicesConfig().forEach(services::put);
    services
        .putObject("AuditLogStreamService")
        .put("Enabled", c.servicesConfig().isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
    ObjectNode a2a = services.putObject("ApplicationToApplicationEnabled");
    c.servicesConfig().applicationToApplication().forEach(a2a::put);
    ArrayNode trusted = root.putArray("TrustedServers");
    c.trustedServers().forEach(trusted::add);
    if (!c.trustAnchorEntries().isEmpty()) {
      ArrayNode anchors = root.putArray("TrustAnchors");
      c.trustAnchorEntries().forEach(anchors::add);
    }
    ArrayNode ext = root.putArray("EventCatalogExtensions");
    for (EventDefinition d : c.eventCatalogExtensions()) {
      ext.addObject()
          .put("Name", d.name())
          .put("Category", d.category().wireName())
          .put("Level", d.defaultLevel().wireName());
    }
    return root;
  }

  private void subscriber(ObjectNode o, Subscriber s) {
    if (s.id() != 0) {
      o.put("Id", s.id());
    }
    o.put("Type", s.type());
    o.put("Description", s.description());
    s.userId().ifPresent(id -> o.put("UserId", id));
    s.emailAddress().ifPresent(a -> o.put("EmailAddress", a));
    s.syslogProperties().ifPresent(p -> syslogProperties(o.putObject("SyslogProperties"), p));
    s.snmpProperties().ifPresent(p -> snmpProperties(o.putObject("SnmpProperties"), p));
    s.objectType().ifPresent(t -> o.put("ObjectType", t));
    s.objectId().ifPresent(id -> o.put("ObjectId", id));
    o.put("IsApplianceShared", s.applianceShared());
    o.put("SubscribeToAllEvents", s.subscribeToAllEvents());
    o.put("IsSystemOwned", s.systemOwned());
    ArrayNode subs = o.putArray("Subscriptions");
    for (String name : s.subscriptions()) {
      subs.addObject().put("Name", name);
    }
    if (!s.filter().isEmpty()) {
      ObjectNode f = o.putObject("Filter");
      for (Map.Entry<String, Set<String>> e : s.filter().allowed().entrySet()) {
        ArrayNode values = f.putArray(e.getKey());
        e.getValue().stream().sorted().forEach(values::add);
      }
    }
    s.template().ifPresent(t -> o.put("Template", t));
    o.put("Enabled", s.enabled());
  }

  private static void syslogProperties(ObjectNode o, SyslogSubscriberProperties p) {
    p.syslogServerId().ifPresent(id -> o.put("SyslogServerId", id));
    p.syslogServerName().ifPresent(n -> o.put("SyslogServerName", n));
    p.networkAddress().ifPresent(a -> o.put("NetworkAddress", a));
    o.put("Port", p.port());
    o.put("UseSslEncryption", p.useSslEncryption());
    o.put("UseClientCertificate", p.useClientCertificate());
    o.put("VerifySslCertificate", p.verifySslCertificate());
    o.put("Facility", p.facility().wireName());
    p.keyPrefix().ifPresent(k -> o.put("KeyPrefix", k));
    o.put("Protocol", p.protocol().wireName());
    p.logFormat().ifPresent(f -> o.put("LogFormat", f.name()));
    o.put("TcpFraming", p.tcpFraming().wireName());
    o.put("TimeZoneId", p.timeZoneId());
    p.hostName().ifPresent(v -> o.put("HostName", v));
    p.appName().ifPresent(v -> o.put("AppName", v));
    p.utf8Bom().ifPresent(v -> o.put("Utf8Bom", v));
    p.deviceVendor().ifPresent(v -> o.put("DeviceVendor", v));
    p.deviceProduct().ifPresent(v -> o.put("DeviceProduct", v));
    p.deviceVersion().ifPresent(v -> o.put("DeviceVersion", v));
  }

  private void snmpProperties(ObjectNode o, SnmpSubscriberProperties p) {
    p.networkAddress().ifPresent(a -> o.put("NetworkAddress", a));
    o.put("Port", p.port());
    secret(o, "Community", p.community());
    o.put("Version", p.version());
    p.engineId().ifPresent(e -> o.put("EngineId", e));
    p.authenticationUserName().ifPresent(u -> o.put("AuthenticationUserName", u));
    o.put("AuthenticationType", p.authenticationType().wireName());
    p.authenticationPassword().ifPresent(s -> secret(o, "AuthenticationPassword", s));
    o.put("EncryptionType", p.encryptionType().wireName());
    p.encryptionPassword().ifPresent(s -> secret(o, "EncryptionPassword", s));
  }

  private void secret(ObjectNode o, String field, Secret s) {
    if (secrets == SecretOutput.MASK) {
      o.put(field, s.toString());
    }
  }

  /**
   * Leaves out (or masks) the secrets of a transport's section, which is kept as written: string
   * fields whose name ends in Password, Secret, Token or Key (e.g. {@code ServiceAccountPassword},
   * {@code ApiKey}, {@code OAuthClientSecret}), at any depth. Third-party transports name their
   * secrets so too.
   */
  private com.fasterxml.jackson.databind.JsonNode redact(
      com.fasterxml.jackson.databind.JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> names = new java.util.ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        com.fasterxml.jackson.databind.JsonNode v = o.get(name);
        if (v.isTextual() && SECRET_NAME.matcher(name).find()) {
          if (secrets == SecretOutput.MASK) {
            o.put(name, Secret.of(v.textValue()).toString());
          } else {
            o.remove(name);
          }
        } else {
          redact(v);
        }
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(this::redact);
    }
    return node;
  }

  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile("(?i)(password|secret|token|apikey|key)$");
}
