package io.pamkit.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.Violation;
import io.pamkit.core.internal.JsonLimits;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
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
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the configuration document from a Jackson tree, checking every field itself so that all
 * problems are collected (Jackson data binding stops at the first).
 */
final class ConfigReader {
  private static final ObjectMapper MAPPER =
      JsonLimits.mapperBuilder().build()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The appliance's EventObjectType values. */
  private static final Set<String> OBJECT_TYPES = Set.of(
      "Unknown", "AccountGroup", "Asset", "AssetAccount", "User", "UserGroup", "Role",
      "IdentityProvider", "AccessPolicy", "AssetPartition", "Directory", "ArchiveServer",
      "PartitionProfile", "PartitionAccountPasswordRule", "PartitionProfileCheckSchedule",
      "PartitionProfileChangeSchedule", "AccountDiscoverySchedule", "ReasonCode", "TicketSystem",
      "AssetGroup", "PartitionTag", "PartitionTaggingRule", "DynamicGroupingRule",
      "StarlingSubscription", "Registration", "PartitionProfileSyncGroup",
      "SessionModuleConnection", "A2AService", "EnterpriseAccount", "SshKeySyncGroup",
      "StarlingRegisteredConnector", "AuthenticationProvider", "TotpAuthenticator",
      "AccountApiKey", "AdministeredCertificate", "AdministeredCsr",
      "AdministeredCertificateShare");

  private final List<Violation> problems = new ArrayList<>();
  private final Map<String, SnmpSubscriberProperties> destinations = new HashMap<>();
  private final Set<Integer> syslogServerIds = new java.util.HashSet<>();
  private final Set<String> syslogServerNames = new java.util.HashSet<>();
  private final Set<String> templateNames = new java.util.HashSet<>();
  private EventCatalog catalog = EventCatalog.defaults();

  private ConfigReader() {}

  static PamkitConfig parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where = l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr()
          + ")";
      throw new ConfigurationException(List.of(
          new Violation("$", "is not valid JSON: " + e.getOriginalMessage() + where)));
    }
    if (root == null || root.isMissingNode()) {
      throw new ConfigurationException(List.of(new Violation("$", "the document is empty")));
    }
    return new ConfigReader().read(root);
  }

  private PamkitConfig read(JsonNode root) {
    JsonObject doc = JsonObject.of(root, "$", "the configuration document", problems);
    if (doc == null) {
      throw new ConfigurationException(problems);
    }
    PamkitConfig.Builder b = PamkitConfig.builder();
    doc.readOnly("$schema");

    List<EventDefinition> extensions = new ArrayList<>();
    array(doc, "EventCatalogExtensions", (n, p) -> add(extensions, eventDefinition(n, p)));
    doc.set("EventCatalogExtensions", () -> b.eventCatalogExtensions(extensions));
    catalog = EventCatalog.defaults().extend(extensions);

    JsonNode email = doc.get("EmailClientConfig");
    if (email != null) {
      JsonObject o = JsonObject.of(email, doc.path("EmailClientConfig"), "EmailClientConfig",
          problems);
      if (o != null) {
        EmailClientConfig.Builder eb = emailClientConfig(o);
        EmailClientConfig c = o.build(eb::build);
        if (c != null) {
          b.emailClientConfig(c);
        }
      }
    }

    List<EmailProvider> providers = new ArrayList<>();
    array(doc, "EmailProviders", (n, p) -> add(providers, emailProvider(n, p)));
    doc.set("EmailProviders", () -> b.emailProviders(providers));

    List<SyslogServer> servers = new ArrayList<>();
    array(doc, "SyslogServers", (n, p) -> add(servers, syslogServer(n, p)));
    doc.set("SyslogServers", () -> b.syslogServers(servers));

    List<SnmpDestination> snmp = new ArrayList<>();
    array(doc, "SnmpDestinations", (n, p) -> add(snmp, snmpDestination(n, p)));
    doc.set("SnmpDestinations", () -> b.snmpDestinations(snmp));

    List<EmailTemplate> templates = new ArrayList<>();
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
    array(doc, "TrustedServers", (n, p) -> {
      if (!n.isTextual()) {
        problems.add(new Violation(p, "expected a string, got " + JsonObject.describe(n, false)));
        return;
      }
      try {
        trusted.add(PamkitConfig.checkTrustedServer(p, n.textValue()));
      } catch (io.pamkit.core.ValidationException e) {
        problems.addAll(e.violations());
      }
    });
    b.trustedServers(trusted);

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

  private void array(JsonObject parent, String field, BiConsumer<JsonNode, String> each) {
    JsonNode n = parent.get(field);
    if (n == null) {
      return;
    }
    if (!n.isArray()) {
      parent.problem(field, "expected an array, got " + JsonObject.describe(n, false));
      return;
    }
    for (int i = 0; i < n.size(); i++) {
      each.accept(n.get(i), parent.path(field) + "[" + i + "]");
    }
  }

  private @Nullable EventDefinition eventDefinition(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "EventDefinition", problems);
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
    return o.build(() -> new EventDefinition(
        name, category, level == null ? EventLevel.Info : level));
  }

  private EmailClientConfig.Builder emailClientConfig(JsonObject o) {
    EmailClientConfig.Builder b = EmailClientConfig.builder();
    o.string("ServerAddress", b::serverAddress);
    o.integer("PortNumber", b::portNumber);
    o.string("SenderEmail", b::senderEmail);
    o.bool("RequireTlsFlag", b::requireTlsFlag);
    o.bool("RequireSmtpsFlag", b::requireSmtpsFlag);
    o.bool("VerifySslCertificate", b::verifySslCertificate);
    o.bool("RequireUserAuthentication", b::requireUserAuthentication);
    o.bool("UseClientCertificate", b::useClientCertificate);
    JsonNode cp = o.get("ConnectionProperties");
    if (cp != null) {
      ConnectionProperties c = connectionProperties(cp, o.path("ConnectionProperties"));
      if (c != null) {
        b.connectionProperties(c);
      }
    }
    o.readOnly("UpdatedDate", "UpdatedByUserId", "UpdatedByUserDisplayName");
    return b;
  }

  private @Nullable ConnectionProperties connectionProperties(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "ConnectionProperties", problems);
    if (o == null) {
      return null;
    }
    ConnectionProperties.Builder b = ConnectionProperties.builder();
    o.integer("ServiceAccountId", b::serviceAccountId);
    o.string("ServiceAccountName", b::serviceAccountName);
    o.secret("ServiceAccountPassword", b::serviceAccountPassword);
    JsonNode ref = o.get("AccountReference");
    if (ref != null) {
      AccountReference r = accountReference(ref, o.path("AccountReference"));
      if (r != null) {
        b.accountReference(r);
      }
    }
    o.readOnly("ServiceAccountDomainName", "ServiceAccountHasPassword",
        "EffectiveServiceAccountName");
    return o.build(b::build);
  }

  private @Nullable AccountReference accountReference(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "AccountReference", problems);
    if (o == null) {
      return null;
    }
    String kind = o.string("Kind");
    AccountReference.Kind k = null;
    if (kind != null) {
      if (kind.equals("DirectoryAccount")) {
        k = AccountReference.Kind.DIRECTORY_ACCOUNT;
      } else if (kind.equals("AssetAccount")) {
        k = AccountReference.Kind.ASSET_ACCOUNT;
      } else {
        o.problem("Kind", "'" + kind + "' is not one of DirectoryAccount, AssetAccount");
      }
    } else if (!o.has("Kind")) {
      o.problem("Kind", "is required (DirectoryAccount or AssetAccount)");
    }
    String owner = o.string("Owner");
    String name = o.string("Name");
    if (!o.has("Owner")) {
      o.problem("Owner", "is required: the directory or asset the account belongs to");
    }
    if (!o.has("Name")) {
      o.problem("Name", "is required: the account name");
    }
    AccountReference.Kind fk = k;
    return o.build(() -> new AccountReference(fk, owner, name));
  }

  private @Nullable EmailProvider emailProvider(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "EmailProvider", problems);
    if (o == null) {
      return null;
    }
    String type = o.string("Type");
    String name = o.string("Name");
    Integer priority = o.integer("Priority");
    if (type == null) {
      if (!o.has("Type")) {
        o.problem("Type", "is required: Smtp, SendGrid or Ews");
      }
      return null;
    }
    String n0 = name == null ? type : name;
    int p0 = priority == null ? 0 : priority;
    switch (type) {
      case "Smtp": {
        o.set("Name", () -> Checks.required("Name", n0, 1, 255));
        o.set("Priority", () -> Checks.range("Priority", p0, 0, Integer.MAX_VALUE));
        EmailClientConfig.Builder b = emailClientConfig(o);
        return o.build(() -> SmtpEmailProvider.of(n0, p0, b.build()));
      }
      case "SendGrid": {
        SendGridEmailProvider.Builder b = SendGridEmailProvider.builder();
        o.set("Name", () -> b.name(n0));
        o.set("Priority", () -> b.priority(p0));
        o.secret("ApiKey", b::apiKey);
        o.string("SenderEmail", b::senderEmail);
        o.enumValue("Region", SendGridEmailProvider.Region.class, b::region);
        o.string("Endpoint", b::endpoint);
        o.bool("SandboxMode", b::sandboxMode);
        return o.build(b::build);
      }
      case "Ews": {
        EwsEmailProvider.Builder b = EwsEmailProvider.builder();
        o.set("Name", () -> b.name(n0));
        o.set("Priority", () -> b.priority(p0));
        o.string("ServiceUrl", b::serviceUrl);
        o.string("Mailbox", b::mailbox);
        o.string("UserName", b::userName);
        o.secret("Password", b::password);
        JsonNode ref = o.get("AccountReference");
        if (ref != null) {
          AccountReference r = accountReference(ref, o.path("AccountReference"));
          if (r != null) {
            b.accountReference(r);
          }
        }
        o.bool("VerifySslCertificate", b::verifySslCertificate);
        String[] tenant = new String[1];
        String[] clientId = new String[1];
        Secret[] clientSecret = new Secret[1];
        o.string("OAuthTenant", t -> tenant[0] = t);
        o.string("OAuthClientId", c -> clientId[0] = c);
        o.secret("OAuthClientSecret", c -> clientSecret[0] = c);
        if (tenant[0] != null || clientId[0] != null || clientSecret[0] != null) {
          if (tenant[0] == null || clientId[0] == null || clientSecret[0] == null) {
            o.problem("OAuthTenant",
                "OAuthTenant, OAuthClientId and OAuthClientSecret go together; give all three");
          } else {
            String t0 = tenant[0];
            String c0 = clientId[0];
            Secret s0 = clientSecret[0];
            o.set("OAuthClientId", () -> b.oauth(t0, c0, s0));
          }
        }
        return o.build(b::build);
      }
      default:
        o.problem("Type", "'" + type + "' is not one of Smtp, SendGrid, Ews");
        return null;
    }
  }

  private @Nullable SyslogServer syslogServer(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "SyslogServer", problems);
    if (o == null) {
      return null;
    }
    String name = o.string("Name");
    String address = o.string("NetworkAddress");
    if (name == null && !o.has("Name")) {
      o.problem("Name", "is required");
    }
    if (address == null && !o.has("NetworkAddress")) {
      o.problem("NetworkAddress", "is required");
    }
    SyslogServer.Builder[] holder = new SyslogServer.Builder[1];
    if (name != null && address != null) {
      o.set("NetworkAddress", () -> holder[0] = SyslogServer.builder(name, address));
    }
    SyslogServer.Builder b = holder[0] != null ? holder[0] : SyslogServer.builder("x", "x");
    Integer id = o.integer("Id");
    if (id != null) {
      syslogServerIds.add(id);
      o.set("Id", () -> b.id(id));
    }
    if (name != null) {
      syslogServerNames.add(name);
    }
    o.integer("Port", b::port);
    o.enumValue("Protocol", SyslogProtocol.class, b::protocol);
    o.bool("UseSslEncryption", b::useSslEncryption);
    o.bool("UseClientCertificate", b::useClientCertificate);
    o.bool("VerifySslCertificate", b::verifySslCertificate);
    o.enumValue("TcpFraming", SyslogTcpFraming.class, b::tcpFraming);
    o.readOnly("CreatedDate", "CreatedByUserId", "CreatedByUserDisplayName");
    return o.build(b::build);
  }

  private @Nullable SnmpDestination snmpDestination(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "SnmpDestination", problems);
    if (o == null) {
      return null;
    }
    String name = o.string("Name");
    if (!o.has("Name")) {
      o.problem("Name", "is required");
    }
    SnmpSubscriberProperties.Builder b = snmpProperties(o);
    SnmpDestination d = o.build(() -> SnmpDestination.of(name, b.build()));
    if (d != null) {
      destinations.put(d.name(), d.properties());
    }
    return d;
  }

  private SnmpSubscriberProperties.Builder snmpProperties(JsonObject o) {
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
    JsonObject o = JsonObject.of(n, path, "SnmpProperties", problems);
    if (o == null) {
      return null;
    }
    String destination = o.string("SnmpDestinationName");
    if (destination != null) {
      Iterator<String> fields = n.fieldNames();
      List<String> others = new ArrayList<>();
      fields.forEachRemaining(f -> {
        if (!f.equals("SnmpDestinationName")) {
          others.add(f);
        }
      });
      if (!others.isEmpty()) {
        o.problem("SnmpDestinationName",
            "cannot be combined with other SnmpProperties fields " + others);
        return null;
      }
      SnmpSubscriberProperties p = destinations.get(destination);
      if (p == null) {
        o.problem("SnmpDestinationName",
            "'" + destination + "' is not the Name of a destination in SnmpDestinations");
      }
      return p;
    }
    SnmpSubscriberProperties.Builder b = snmpProperties(o);
    return o.build(b::build);
  }

  private @Nullable SyslogSubscriberProperties syslogProperties(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "SyslogProperties", problems);
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
        o.problem("SyslogServerName",
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
    o.readOnly("TimeZoneDisplayName");
    return o.build(b::build);
  }

  private @Nullable EmailTemplate emailTemplate(JsonNode n, String path) {
    JsonObject o = JsonObject.of(n, path, "EmailTemplate", problems);
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
    EmailTemplate.Builder[] holder = new EmailTemplate.Builder[1];
    if (subject != null && body != null) {
      try {
        holder[0] = EmailTemplate.builder(subject, body);
      } catch (io.pamkit.core.ValidationException e) {
        for (Violation v : e.violations()) {
          problems.add(new Violation(o.path(v.path()), v.message()));
        }
      }
    }
    EmailTemplate.Builder b = holder[0] != null ? holder[0] : EmailTemplate.builder("x", "x");
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
    JsonObject o = JsonObject.of(n, path, "EventSubscriber", problems);
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
    array(o, "Subscriptions", (e, p) -> {
      if (e.isTextual()) {
        names.add(e.textValue());
        checkEventName(p, e.textValue());
      } else {
        JsonObject s = JsonObject.of(e, p, "EventSubscription", problems);
        if (s != null) {
          String name = s.string("Name");
          if (!s.has("Name")) {
            s.problem("Name", "is required");
          }
          s.readOnly("ActivityLogFlag", "AsyncBroadcastFlag", "AsyncMulticastFlag",
              "AsyncUnicastFlag", "Category", "DisplayName", "CategoryDisplayName", "Description",
              "EmailFlag", "Level", "Obsolete", "SnmpFlag", "SyslogFlag", "IsObjectAware",
              "ObjectType", "AllowedAdminRoles", "AllowPartitionOwner", "Properties");
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
    o.readOnly("UserDisplayName", "UserEmailAddress", "CreatedDate", "CreatedByUserId",
        "CreatedByUserDisplayName", "PartitionOwnerIsSubscribed", "AdminRoles",
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
      problems.add(new Violation(path, "expected an object of arrays of strings, got "
          + JsonObject.describe(n, false)));
      return null;
    }
    int before = problems.size();
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    n.properties().forEach(e -> {
      String p = JsonObject.child(path, e.getKey());
      if (!e.getValue().isArray()) {
        problems.add(new Violation(p, "expected an array of strings, got "
            + JsonObject.describe(e.getValue(), false)));
        return;
      }
      Set<String> values = new LinkedHashSet<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        JsonNode v = e.getValue().get(i);
        if (!v.isTextual()) {
          problems.add(new Violation(p + "[" + i + "]", "expected a string, got "
              + JsonObject.describe(v, false)));
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
    JsonObject o = JsonObject.of(n, path, "ServicesConfig", problems);
    if (o == null) {
      return null;
    }
    ServiceState.Builder b = ServiceState.builder();
    for (Service t : Service.values()) {
      if (t.inServicesConfig()) {
        o.bool(t.apiName(), v -> b.enabled(t, v));
      }
    }
    JsonNode audit = o.get("AuditLogStreamService");
    if (audit != null) {
      JsonObject a = JsonObject.of(audit, o.path("AuditLogStreamService"),
          "AuditLogStreamService", problems);
      if (a != null) {
        a.bool("Enabled", v -> b.enabled(Service.AuditLogStreamService, v));
        a.finish();
      }
    }
    JsonNode a2a = o.get("ApplicationToApplicationEnabled");
    if (a2a != null) {
      String p = o.path("ApplicationToApplicationEnabled");
      if (!a2a.isObject()) {
        problems.add(new Violation(p, "expected an object mapping appliance ids to true or false,"
            + " got " + JsonObject.describe(a2a, false)));
      } else {
        a2a.properties().forEach(e -> {
          String ep = JsonObject.child(p, e.getKey());
          if (!e.getValue().isBoolean()) {
            problems.add(new Violation(ep, "expected true or false, got "
                + JsonObject.describe(e.getValue(), false)));
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
