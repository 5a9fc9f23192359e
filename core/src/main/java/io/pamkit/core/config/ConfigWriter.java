package io.pamkit.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.policy.Service;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.secret.AccountReference;
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
  private final boolean keepSecrets;

  private ConfigWriter(SecretOutput secrets, boolean keepSecrets) {
    this.secrets = secrets;
    this.keepSecrets = keepSecrets;
  }

  /**
   * Returns one top-level field of the document as JSON, secrets included (for the transport
   * providers that read it), or null when the document has no such field.
   */
  static com.fasterxml.jackson.databind.@org.jspecify.annotations.Nullable JsonNode section(
      PamkitConfig c, String field) {
    return new ConfigWriter(SecretOutput.OMIT, true).tree(c).get(field);
  }

  static String write(PamkitConfig c, SecretOutput secrets) {
    ObjectNode root = new ConfigWriter(secrets, false).tree(c);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private ObjectNode tree(PamkitConfig c) {
    ObjectNode root = MAPPER.createObjectNode();
    emailClientConfig(root.putObject("EmailClientConfig"), c.emailClientConfig());
    ArrayNode providers = root.putArray("EmailProviders");
    for (EmailProvider p : c.emailProviders()) {
      ObjectNode o = providers.addObject();
      o.put("Type", p.type());
      o.put("Name", p.name());
      o.put("Priority", p.priority());
      if (p instanceof SmtpEmailProvider) {
        emailClientConfig(o, ((SmtpEmailProvider) p).smtp());
      } else if (p instanceof SendGridEmailProvider) {
        SendGridEmailProvider s = (SendGridEmailProvider) p;
        secret(o, "ApiKey", s.apiKey());
        o.put("SenderEmail", s.senderEmail().toString());
        o.put("Region", s.region().name());
        o.put("Endpoint", s.endpoint().toString());
        o.put("SandboxMode", s.sandboxMode());
      } else {
        EwsEmailProvider e = (EwsEmailProvider) p;
        o.put("ServiceUrl", e.serviceUrl().toString());
        o.put("Mailbox", e.mailbox().toString());
        o.put("UserName", e.userName());
        e.password().ifPresent(s -> secret(o, "Password", s));
        e.accountReference().ifPresent(r -> accountReference(o.putObject("AccountReference"), r));
        o.put("VerifySslCertificate", e.verifySslCertificate());
        e.oauth().ifPresent(a -> {
          o.put("OAuthTenant", a.tenant());
          o.put("OAuthClientId", a.clientId());
          secret(o, "OAuthClientSecret", a.clientSecret());
        });
      }
    }
    ArrayNode servers = root.putArray("SyslogServers");
    for (SyslogServer s : c.syslogServers()) {
      ObjectNode o = servers.addObject();
      if (s.id() != 0) {
        o.put("Id", s.id());
      }
      o.put("Name", s.name());
      o.put("NetworkAddress", s.networkAddress().text());
      o.put("Port", s.port());
      o.put("Protocol", s.protocol().name());
      o.put("UseSslEncryption", s.useSslEncryption());
      o.put("UseClientCertificate", s.useClientCertificate());
      o.put("VerifySslCertificate", s.verifySslCertificate());
      o.put("TcpFraming", s.tcpFraming().name());
    }
    ArrayNode snmp = root.putArray("SnmpDestinations");
    for (SnmpDestination d : c.snmpDestinations()) {
      ObjectNode o = snmp.addObject();
      o.put("Name", d.name());
      snmpProperties(o, d.properties());
    }
    ArrayNode templates = root.putArray("EmailTemplates");
    for (EmailTemplate t : c.emailTemplates()) {
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
    services.putObject("AuditLogStreamService")
        .put("Enabled", c.servicesConfig().isEnabled(Service.AuditLogStreamService));
    ObjectNode a2a = services.putObject("ApplicationToApplicationEnabled");
    c.servicesConfig().applicationToApplication().forEach(a2a::put);
    ArrayNode trusted = root.putArray("TrustedServers");
    c.trustedServers().forEach(trusted::add);
    c.extraSections().forEach((field, node) ->
        root.set(field, keepSecrets ? node.deepCopy() : redact(node.deepCopy())));
    ArrayNode ext = root.putArray("EventCatalogExtensions");
    for (EventDefinition d : c.eventCatalogExtensions()) {
      ext.addObject()
          .put("Name", d.name())
          .put("Category", d.category().name())
          .put("Level", d.defaultLevel().name());
    }
    return root;
  }

  private void emailClientConfig(ObjectNode o, EmailClientConfig c) {
    o.put("ServerAddress", c.serverAddress().text());
    o.put("PortNumber", c.portNumber());
    c.senderEmail().ifPresent(a -> o.put("SenderEmail", a.toString()));
    o.put("RequireTlsFlag", c.requireTlsFlag());
    o.put("RequireSmtpsFlag", c.requireSmtpsFlag());
    o.put("VerifySslCertificate", c.verifySslCertificate());
    o.put("RequireUserAuthentication", c.requireUserAuthentication());
    o.put("UseClientCertificate", c.useClientCertificate());
    ConnectionProperties p = c.connectionProperties();
    ObjectNode cp = o.putObject("ConnectionProperties");
    p.serviceAccountId().ifPresent(id -> cp.put("ServiceAccountId", id));
    p.serviceAccountName().ifPresent(n -> cp.put("ServiceAccountName", n));
    p.serviceAccountPassword().ifPresent(s -> secret(cp, "ServiceAccountPassword", s));
    p.accountReference().ifPresent(r -> accountReference(cp.putObject("AccountReference"), r));
  }

  private static void accountReference(ObjectNode o, AccountReference r) {
    o.put("Kind", r.kind() == AccountReference.Kind.DIRECTORY_ACCOUNT ? "DirectoryAccount"
        : "AssetAccount");
    o.put("Owner", r.owner());
    o.put("Name", r.name());
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
    o.put("Facility", p.facility().name());
    p.keyPrefix().ifPresent(k -> o.put("KeyPrefix", k));
    o.put("Protocol", p.protocol().name());
    p.logFormat().ifPresent(f -> o.put("LogFormat", f.name()));
    o.put("TcpFraming", p.tcpFraming().name());
    o.put("TimeZoneId", p.timeZoneId());
  }

  private void snmpProperties(ObjectNode o, SnmpSubscriberProperties p) {
    p.networkAddress().ifPresent(a -> o.put("NetworkAddress", a));
    o.put("Port", p.port());
    secret(o, "Community", p.community());
    o.put("Version", p.version());
    p.engineId().ifPresent(e -> o.put("EngineId", e));
    p.authenticationUserName().ifPresent(u -> o.put("AuthenticationUserName", u));
    o.put("AuthenticationType", p.authenticationType().name());
    p.authenticationPassword().ifPresent(s -> secret(o, "AuthenticationPassword", s));
    o.put("EncryptionType", p.encryptionType().name());
    p.encryptionPassword().ifPresent(s -> secret(o, "EncryptionPassword", s));
  }

  private void secret(ObjectNode o, String field, Secret s) {
    if (keepSecrets) {
      o.put(field, s.reveal());
    } else if (secrets == SecretOutput.MASK) {
      o.put(field, s.toString());
    }
  }

  /**
   * Leaves out (or masks) the secrets of a section pamkit does not know the schema of: string
   * fields whose name ends in Password, Secret, Token, ApiKey or Key, at any depth.
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

  private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
      "(?i)(password|secret|token|apikey|key)$");
}
