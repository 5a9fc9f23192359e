// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.Violation;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.internal.JsonLimits;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.subscription.PropertyFilter;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the configuration document from a Jackson tree, checking every field itself so that all
 * problems are collected (Jackson data binding stops at the first).
 */
final class ConfigReader {
  private static final ObjectMapper MAPPER =
      JsonLimits.mapperBuilder()
          .build()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The appliance's EventObjectType values. */
  private static final Set<String> OBJECT_TYPES =
      Set.of(
          "Unknown",
          "AccountGroup",
          "Asset",
          "AssetAccount",
          "User",
          "UserGroup",
          "Role",
          "IdentityProvider",
          "AccessPolicy",
          "AssetPartition",
          "Directory",
          "ArchiveServer",
          "PartitionProfile",
          "PartitionAccountPasswordRule",
          "PartitionProfileCheckSchedule",
          "PartitionProfileChangeSchedule",
          "AccountDiscoverySchedule",
          "ReasonCode",
          "TicketSystem",
          "AssetGroup",
          "PartitionTag",
          "PartitionTaggingRule",
          "DynamicGroupingRule",
          "StarlingSubscription",
          "Registration",
          "PartitionProfileSyncGroup",
          "SessionModuleConnection",
          "A2AService",
          "EnterpriseAccount",
          "SshKeySyncGroup",
          "StarlingRegisteredConnector",
          "AuthenticationProvider",
          "TotpAuthenticator",
          "AccountApiKey",
          "AdministeredCertificate",
          "AdministeredCsr",
          "AdministeredCertificateShare");

  private final List<Violation> problems = new ArrayList<>();
  private final Map<String, SnmpSubscriberProperties> destinations = new HashMap<>();
  private final Set<Integer> syslogServerIds = new java.util.HashSet<>();
  private final Set<String> syslogServerNames = new java.util.HashSet<>();
  private final Set<String> templateNames = new java.util.HashSet<>();
  private EventCatalog catalog = EventCatalog.defaults();
  private final TransportProviders providers;

  private ConfigReader(TransportProviders providers) {
    this.providers = providers;
  }

  static PamkitConfig parse(String json, TransportProviders providers) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where =
          l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
      throw new ConfigurationException(
          List.of(new Violation("$", "is not valid JSON: " + e.getOriginalMessage() + where)));
    }
    if (root == null || root.isMissingNode()) {
      throw new ConfigurationException(List.of(new Violation("$", "the document is empty")));
    }
    return new ConfigReader(providers).read(root);
  }

  private PamkitConfig read(JsonNode root) {
    ConfigSection doc = ConfigSection.of(root, "$", "the configuration document", problems);
    if (doc == null) {
      throw new ConfigurationException(problems);
    }
    PamkitConfig.Builder b = PamkitConfig.builder();
    doc.readOnly("$schema");

    List<EventDefinition> extensions = new ArrayList<>();
    array(doc, "EventCatalogExtensions", (n, p) -> add(extensions, eventDefinition(n, p)));
    doc.set("EventCatalogExtensions", () -> b.eventCatalogExtensions(extensions));
    catalog = EventCatalog.defaults().extend(extensions);

    transportSection(doc, b, "EmailClientConfig", true);
    JsonNode providers = transportSection(doc, b, "EmailProviders", false);
    if (providers != null) {
      for (int i = 0; i < providers.size(); i++) {
        emailProvider(providers.get(i), doc.path("EmailProviders") + "[" + i + "]");
      }
    }
    JsonNode servers = transportSection(doc, b, "SyslogServers", false);
    if (servers != null) {
      for (JsonNode server : servers) {
        if (server.path("Id").isInt()) {
          syslogServerIds.add(server.path("Id").intValue());
        }
        if (server.path("Name").isTextual()) {
          syslogServerNames.add(server.path("Name").textValue());
        }
      }
      this.providers
          .forSection("SyslogServers")
          .ifPresent(p -> p.settings(only(doc, "SyslogServers", servers)));
    }

    List<SnmpDestination> snmp = new ArrayList<>();
    array(doc, "SnmpDestinations", (n, p) -> add(snmp, snmpDestination(n, p)));
    doc.set("SnmpDestinations", () -> b.snmpDestinations(snmp));

    List<EmailTemplateConfig> templates = new ArrayList<>();
    array(doc, "EmailTemplates", (n, p) -> add(templates, emailTemplate(n, p)));
    doc.set("EmailTemplates", () -> b.emailTemplates(templates));

    List<Subscriber> subscribers = new ArrayList<>();
    array(doc, "EventSubscribers", (n, p) -> add(subscribers, subscriber(n, p)));
    doc.set("EventSubscribers", () -> b.eventSubscribers(subscribers));

    JsonNode services = doc.get("ServicesConfig");
    if (services != null) {
      ServiceState s = servicesConfig(services, doc.path("ServicesConfig"));
      if (s != null) {
        b.servicesConfig(s);
      }
    }

    List<String> trusted = new ArrayList<>();
    array(
        doc,
        "TrustedServers",
        (n, p) -> {
          if (!n.isTextual()) {
            problems.add(
                new Violation(p, "expected a string, got " + ConfigSection.describe(n, false)));
            return;
          }
          try {
            trusted.add(PamkitConfig.checkTrustedServer(p, n.textValue()));
          } catch (io.pamkit.core.ValidationException e) {
            problems.addAll(e.violations());
          }
        });
    b.trustedServers(trusted);

    List<String> anchors = new ArrayList<>();
    boolean[] anchorsOk = {true};
    array(
        doc,
        "TrustAnchors",
        (n, p) -> {
          if (!n.isTextual()) {
            problems.add(
                new Violation(
                    p,
                    "expected a string (a certificate file's path or inline"
                        + " PEM), got "
                        + ConfigSection.describe(n, false)));
            anchorsOk[0] = false;
            return;
          }
          anchors.add(n.textValue());
        });
    if (anchorsOk[0]) {
      try {
        b.trustAnchors(anchors);
      } catch (io.pamkit.core.ValidationException e) {
        problems.addAll(e.violations());
      }
    }

    for (String field : doc.fieldNames()) {
      if (PamkitConfig.KNOWN_FIELDS.contains(field)) {
        continue;
      }
      this.providers
          .forSection(field)
          .ifPresent(
              p -> {
                JsonNode n = doc.get(field);
                if (n != null) {
                  doc.set(field, () -> b.section(field, n));
                  ConfigSection section;
                  if (n.isObject()) {
                    section = ConfigSection.of(n, doc.path(field), field, problems);
                  } else {
                    com.fasterxml.jackson.databind.node.ObjectNode only =
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                    only.set(field, n);
                    section = ConfigSection.of(only, "$", "the configuration document", problems);
                  }
                  if (section != null) {
                    p.settings(section);
                  }
                }
              });
    }

    doc.finish();
    if (problems.isEmpty()) {
      problems.addAll(PamkitConfig.crossCheck(b));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return b.build();
  }

  private static <T> void add(List<T> list, @Nullable T value) {
    if (value != null) {
      list.add(value);
    }
  }

  private void array(ConfigSection parent, String field, BiConsumer<JsonNode, String> each) {
    JsonNode n = parent.get(field);
    if (n == null) {
      return;
    }
    if (!n.isArray()) {
      parent.problem(field, "expected an array, got " + ConfigSection.describe(n, false));
      return;
    }
    for (int i = 0; i < n.size(); i++) {
      each.accept(n.get(i), parent.path(field) + "[" + i + "]");
    }
  }

  private @Nullable EventDefinition eventDefinition(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "EventDefinition", problems);
    if (o == null) {
      return null;
    }
    String name = o.string("Name");
    EventCategory category = o.enumValue("Category", EventCategory.class);
    EventLevel level = o.enumValue("Level", EventLevel.class);
    if (!o.has("Name")) {
      o.problem("Name", "is required");
    }
    if (!o.has("Category")) {
      o.problem("Category", "is required");
    }
    // build runs the supplier only when no problem was recorded, so both were present
    return o.build(
        () ->
            new EventDefinition(
                java.util.Objects.requireNonNull(name),
                java.util.Objects.requireNonNull(category),
                level == null ? EventLevel.INFO : level));
  }

  /**
   * Keeps a transport's top-level section as written, after checking its shape (an object, or an
   * array of objects); returns it, or null when absent or malformed. The provider of an object
   * section checks its content when it is available.
   */
  private @Nullable JsonNode transportSection(
      ConfigSection doc, PamkitConfig.Builder b, String field, boolean object) {
    JsonNode n = doc.get(field);
    if (n == null) {
      return null;
    }
    if (object) {
      ConfigSection o = ConfigSection.of(n, doc.path(field), field, problems);
      if (o == null) {
        return null;
      }
      this.providers.forSection(field).ifPresent(p -> p.settings(o));
    } else {
      if (!n.isArray()) {
        doc.problem(field, "expected an array, got " + ConfigSection.describe(n, false));
        return null;
      }
      for (int i = 0; i < n.size(); i++) {
        if (!n.get(i).isObject()) {
          problems.add(
              new Violation(
                  doc.path(field) + "[" + i + "]",
                  "expected an object, got " + ConfigSection.describe(n.get(i), false)));
          return null;
        }
      }
    }
    doc.set(field, () -> b.section(field, n));
    return n;
  }

  /** The document restricted to one field, sharing the problems. */
  private ConfigSection only(ConfigSection doc, String field, JsonNode value) {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    root.set(field, value);
    return java.util.Objects.requireNonNull(
        ConfigSection.of(root, doc.path(), "the configuration document", problems));
  }

  /**
   * Checks the chain's part of an {@code EmailProviders} entry ({@code Type}, {@code Name}, {@code
   * Priority}) and lets the provider its {@code Type} names check the rest, when the providers are
   * available.
   */
  private void emailProvider(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "EmailProvider", problems);
    if (o == null) {
      return;
    }
    String type = o.string("Type");
    String name = o.string("Name");
    Integer priority = o.integer("Priority");
    if (type == null) {
      if (!o.has("Type")) {
        o.problem(
            "Type", "is required: Smtp, SendGrid, Ews, Graph or another email provider's name");
      }
      return;
    }
    String n0 = name == null ? type : name;
    o.set("Name", () -> Checks.required("Name", n0, 1, 255));
    if (priority != null) {
      o.set("Priority", () -> Checks.range("Priority", priority, 0, Integer.MAX_VALUE));
    }
    if (!providers.names().isEmpty()) {
      Optional<TransportProvider<?>> p =
          providers.find(type).filter(x -> x.channel().equals(Subscriber.EMAIL));
      if (p.isEmpty()) {
        o.problem(
            "Type",
            "'"
                + type
                + "' is not one of "
                + String.join(
                    ", ",
                    providers.forChannel(Subscriber.EMAIL).stream()
                        .map(TransportProvider::name)
                        .toList())
                + " (email provider names, matched ignoring case)");
      } else {
        p.get().settings(o);
      }
    }
  }

  private @Nullable SnmpDestination snmpDestination(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "SnmpDestination", problems);
    if (o == null) {
      return null;
    }
    String name = o.string("Name");
    if (!o.has("Name")) {
      o.problem("Name", "is required");
    }
    SnmpSubscriberProperties.Builder b = snmpProperties(o);
    // build runs the supplier only when no problem was recorded, so Name was present
    SnmpDestination d =
        o.build(() -> SnmpDestination.of(java.util.Objects.requireNonNull(name), b.build()));
    if (d != null) {
      destinations.put(d.name(), d.properties());
    }
    return d;
  }

  private SnmpSubscriberProperties.Builder snmpProperties(ConfigSection o) {
    SnmpSubscriberProperties.Builder b = SnmpSubscriberProperties.builder();
    o.string("NetworkAddress", b::networkAddress);
    o.integer("Port", b::port);
    o.secret("Community", b::community);
    o.integer("Version", b::version);
    o.string("EngineId", b::engineId);
    o.string("AuthenticationUserName", b::authenticationUserName);
    o.enumValue("AuthenticationType", SnmpAuthenticationType.class, b::authenticationType);
    o.secret("AuthenticationPassword", b::authenticationPassword);
    o.enumValue("EncryptionType", SnmpEncryptionType.class, b::encryptionType);
    o.secret("EncryptionPassword", b::encryptionPassword);
    o.readOnly("HasAuthenticationPassword", "HasEncryptionPassword");
    return b;
  }

  private @Nullable SnmpSubscriberProperties subscriberSnmpProperties(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "SnmpProperties", problems);
    if (o == null) {
      return null;
    }
    String destination = o.string("SnmpDestinationName");
    if (destination != null) {
      Iterator<String> fields = n.fieldNames();
      List<String> others = new ArrayList<>();
      fields.forEachRemaining(
          f -> {
            if (!f.equals("SnmpDestinationName")) {
              others.add(f);
            }
          });
      if (!others.isEmpty()) {
        o.problem(
            "SnmpDestinationName", "cannot be combined with other SnmpProperties fields " + others);
        return null;
      }
      SnmpSubscriberProperties p = destinations.get(destination);
      if (p == null) {
        o.problem(
            "SnmpDestinationName",
            "'" + destination + "' is not the Name of a destination in SnmpDestinations");
      }
      return p;
    }
    SnmpSubscriberProperties.Builder b = snmpProperties(o);
    return o.build(b::build);
  }

  private @Nullable SyslogSubscriberProperties syslogProperties(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "SyslogProperties", problems);
    if (o == null) {
      return null;
    }
    SyslogSubscriberProperties.Builder b = SyslogSubscriberProperties.builder();
    Integer serverId = o.integer("SyslogServerId");
    if (serverId != null) {
      o.set("SyslogServerId", () -> b.syslogServerId(serverId));
      if (!syslogServerIds.contains(serverId)) {
        o.problem("SyslogServerId", serverId + " is not the Id of a server in SyslogServers");
      }
    }
    String serverName = o.string("SyslogServerName");
    if (serverName != null) {
      o.set("SyslogServerName", () -> b.syslogServerName(serverName));
      if (!syslogServerNames.contains(serverName)) {
        o.problem(
            "SyslogServerName",
            "'" + serverName + "' is not the Name of a server in SyslogServers");
      }
    }
    o.string("NetworkAddress", b::networkAddress);
    o.integer("Port", b::port);
    o.bool("UseSslEncryption", b::useSslEncryption);
    o.bool("UseClientCertificate", b::useClientCertificate);
    o.bool("VerifySslCertificate", b::verifySslCertificate);
    o.enumValue("Facility", SyslogFacility.class, b::facility);
    o.string("KeyPrefix", b::keyPrefix);
    o.enumValue("Protocol", SyslogProtocol.class, b::protocol);
    o.enumValue("LogFormat", SyslogFormat.class, b::logFormat);
    o.enumValue("TcpFraming", SyslogTcpFraming.class, b::tcpFraming);
    o.string("TimeZoneId", b::timeZoneId);
    o.string("HostName", b::hostName);
    o.string("AppName", b::appName);
    o.bool("Utf8Bom", b::utf8Bom);
    o.string("DeviceVendor", b::deviceVendor);
    o.string("DeviceProduct", b::deviceProduct);
    o.string("DeviceVersion", b::deviceVersion);
    o.readOnly("TimeZoneDisplayName");
    return o.build(b::build);
  }

  private @Nullable EmailTemplateConfig emailTemplate(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "EmailTemplate", problems);
    if (o == null) {
      return null;
    }
    String subject = o.string("SubjectTemplate");
    String body = o.string("BodyTemplate");
    if (subject == null && !o.has("SubjectTemplate")) {
      o.problem("SubjectTemplate", "is required");
    }
    if (body == null && !o.has("BodyTemplate")) {
      o.problem("BodyTemplate", "is required");
    }
    EmailTemplateConfig.Builder[] holder = new EmailTemplateConfig.Builder[1];
    if (subject != null && body != null) {
      try {
        holder[0] = EmailTemplateConfig.builder(subject, body);
      } catch (io.pamkit.core.ValidationException e) {
        for (Violation v : e.violations()) {
          problems.add(new Violation(o.path(v.path()), v.message()));
        }
      }
    }
    EmailTemplateConfig.Builder b =
        holder[0] != null ? holder[0] : EmailTemplateConfig.builder("x", "x");
    String templateName = o.string("Name");
    if (templateName != null) {
      templateNames.add(templateName);
      o.set("Name", () -> b.name(templateName));
    }
    String eventName = o.string("EventName");
    if (eventName != null) {
      o.set("EventName", () -> b.eventName(eventName));
      if (!catalog.contains(eventName)) {
        o.problem("EventName", "'" + eventName + "' is not an event name the catalog knows");
      }
    }
    o.string("ReplyToEmail", b::replyToEmail);
    o.readOnly("IsModified", "Event");
    return o.build(b::build);
  }

  private @Nullable Subscriber subscriber(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "EventSubscriber", problems);
    if (o == null) {
      return null;
    }
    String type = o.string("Type");
    if (type == null && !o.has("Type")) {
      o.problem("Type", "is required: Email, Syslog, Snmp or a registered transport's id");
    }
    Subscriber.Builder[] holder = new Subscriber.Builder[1];
    if (type != null) {
      o.set("Type", () -> holder[0] = Subscriber.builder(type));
    }
    Subscriber.Builder b = holder[0] != null ? holder[0] : Subscriber.builder("Unknown");
    o.integer("Id", b::id);
    o.string("Description", b::description);
    o.integer("UserId", b::userId);
    o.string("EmailAddress", b::emailAddress);
    JsonNode syslog = o.get("SyslogProperties");
    if (syslog != null) {
      SyslogSubscriberProperties p = syslogProperties(syslog, o.path("SyslogProperties"));
      if (p != null) {
        b.syslogProperties(p);
      }
    }
    JsonNode snmp = o.get("SnmpProperties");
    if (snmp != null) {
      SnmpSubscriberProperties p = subscriberSnmpProperties(snmp, o.path("SnmpProperties"));
      if (p != null) {
        b.snmpProperties(p);
      }
    }
    String objectType = o.string("ObjectType");
    Integer objectId = o.integer("ObjectId");
    if (objectType != null && !OBJECT_TYPES.contains(objectType)) {
      o.problem("ObjectType", "'" + objectType + "' is not an EventObjectType of the appliance");
    } else if (objectType != null || objectId != null) {
      b.object(objectType, objectId);
    }
    o.bool("IsApplianceShared", b::applianceShared);
    o.bool("SubscribeToAllEvents", b::subscribeToAllEvents);
    o.bool("IsSystemOwned", b::systemOwned);
    List<String> names = new ArrayList<>();
    array(
        o,
        "Subscriptions",
        (e, p) -> {
          if (e.isTextual()) {
            names.add(e.textValue());
            checkEventName(p, e.textValue());
          } else {
            ConfigSection s = ConfigSection.of(e, p, "EventSubscription", problems);
            if (s != null) {
              String name = s.string("Name");
              if (!s.has("Name")) {
                s.problem("Name", "is required");
              }
              s.readOnly(
                  "ActivityLogFlag",
                  "AsyncBroadcastFlag",
                  "AsyncMulticastFlag",
                  "AsyncUnicastFlag",
                  "Category",
                  "DisplayName",
                  "CategoryDisplayName",
                  "Description",
                  "EmailFlag",
                  "Level",
                  "Obsolete",
                  "SnmpFlag",
                  "SyslogFlag",
                  "IsObjectAware",
                  "ObjectType",
                  "AllowedAdminRoles",
                  "AllowPartitionOwner",
                  "Properties");
              s.finish();
              if (name != null) {
                names.add(name);
                checkEventName(s.path("Name"), name);
              }
            }
          }
        });
    o.set("Subscriptions", () -> b.subscriptions(names));
    JsonNode filter = o.get("Filter");
    if (filter != null) {
      PropertyFilter f = filter(filter, o.path("Filter"));
      if (f != null) {
        b.filter(f);
      }
    }
    String template = o.string("Template");
    if (template != null) {
      o.set("Template", () -> b.template(template));
      if (!templateNames.contains(template)) {
        o.problem("Template", "'" + template + "' is not the Name of a template in EmailTemplates");
      }
    }
    o.bool("Enabled", b::enabled);
    o.readOnly(
        "UserDisplayName",
        "UserEmailAddress",
        "CreatedDate",
        "CreatedByUserId",
        "CreatedByUserDisplayName",
        "PartitionOwnerIsSubscribed",
        "AdminRoles",
        "WorkflowUserIsSubscribed");
    return o.build(b::build);
  }

  private void checkEventName(String path, String name) {
    if (!catalog.contains(name)) {
      problems.add(new Violation(path, "'" + name + "' is not an event name the catalog knows"));
    }
  }

  private @Nullable PropertyFilter filter(JsonNode n, String path) {
    if (!n.isObject()) {
      problems.add(
          new Violation(
              path,
              "expected an object of arrays of strings, got " + ConfigSection.describe(n, false)));
      return null;
    }
    int before = problems.size();
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    n.properties()
        .forEach(
            e -> {
              String p = ConfigSection.child(path, e.getKey());
              if (!e.getValue().isArray()) {
                problems.add(
                    new Violation(
                        p,
                        "expected an array of strings, got "
                            + ConfigSection.describe(e.getValue(), false)));
                return;
              }
              Set<String> values = new LinkedHashSet<>();
              for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode v = e.getValue().get(i);
                if (!v.isTextual()) {
                  problems.add(
                      new Violation(
                          p + "[" + i + "]",
                          "expected a string, got " + ConfigSection.describe(v, false)));
                } else {
                  values.add(v.textValue());
                }
              }
              if (values.isEmpty() && e.getValue().size() == 0) {
                problems.add(new Violation(p, "has no allowed value; list at least one"));
              }
              allowed.put(e.getKey(), values);
            });
    return problems.size() == before ? PropertyFilter.of(allowed) : null;
  }

  private @Nullable ServiceState servicesConfig(JsonNode n, String path) {
    ConfigSection o = ConfigSection.of(n, path, "ServicesConfig", problems);
    if (o == null) {
      return null;
    }
    ServiceState.Builder b = ServiceState.builder();
    for (Service t : Service.values()) {
      if (t.inServicesConfig()) {
        o.bool(t.wireName(), v -> b.enabled(t, v));
      }
    }
    JsonNode audit = o.get("AuditLogStreamService");
    if (audit != null) {
      ConfigSection a =
          ConfigSection.of(
              audit, o.path("AuditLogStreamService"), "AuditLogStreamService", problems);
      if (a != null) {
        a.bool("Enabled", v -> b.enabled(Service.AUDIT_LOG_STREAM_SERVICE, v));
        a.finish();
      }
    }
    JsonNode a2a = o.get("ApplicationToApplicationEnabled");
    if (a2a != null) {
      String p = o.path("ApplicationToApplicationEnabled");
      if (!a2a.isObject()) {
        problems.add(
            new Violation(
                p,
                "expected an object mapping appliance ids to true or false,"
                    + " got "
                    + ConfigSection.describe(a2a, false)));
      } else {
        a2a.properties()
            .forEach(
                e -> {
                  String ep = ConfigSection.child(p, e.getKey());
                  if (!e.getValue().isBoolean()) {
                    problems.add(
                        new Violation(
                            ep,
                            "expected true or false, got "
                                + ConfigSection.describe(e.getValue(), false)));
                  } else {
                    try {
                      b.applicationToApplication(e.getKey(), e.getValue().booleanValue());
                    } catch (io.pamkit.core.ValidationException ex) {
                      problems.add(new Violation(ep, ex.violations().get(0).message()));
                    }
                  }
                });
      }
    }
    return o.build(b::build);
  }
}
