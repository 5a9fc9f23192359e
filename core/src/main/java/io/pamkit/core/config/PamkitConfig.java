// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.cert.CertificateLoadException;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.TargetedEventPublisher;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.policy.TrustedServer;
import io.pamkit.core.policy.TrustedServers;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberIdentity;
import io.pamkit.core.subscription.SubscriberRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON configuration document that describes a whole pamkit integration: the transports'
 * sections (the appliance's email settings {@code EmailClientConfig}, pamkit's email provider chain
 * {@code EmailProviders}, syslog servers {@code SyslogServers}, and any third-party transport's
 * section), which each transport's provider reads ({@link #section(String)}); SNMP destinations
 * ({@code SnmpDestinations}), event subscribers ({@code EventSubscribers}), email templates ({@code
 * EmailTemplates}), service toggles ({@code ServicesConfig}), trusted servers ({@code
 * TrustedServers}) and additions to the event catalog ({@code EventCatalogExtensions}). Every part
 * is optional; docs/configuration.md documents each field.
 *
 * <p>Where the appliance's API has a schema for a part, the part has that schema's field names,
 * types, limits and defaults, so what the API returns can be pasted in as is (read-only fields such
 * as {@code CreatedDate} are accepted and ignored); pamkit's additions sit beside them in the same
 * PascalCase style.
 *
 * <p>{@link #parse(String)} and {@link #read(Path)} check everything before failing: unknown
 * fields, values of the wrong type and broken rules are all reported together in one {@link
 * ConfigurationException}, each problem with its JSON path, e.g. {@code
 * $.EmailClientConfig.PortNumber: 70000 is outside 1..65535}. {@link #toJson()} writes the document
 * back, leaving secrets out.
 *
 * <pre>{@code
 * PamkitConfig config = PamkitConfig.read(Path.of("pamkit.json"));
 * EventCatalog catalog = config.eventCatalog(); // shipped names plus EventCatalogExtensions
 * Optional<ConfigSection> smtp = config.section("EmailClientConfig"); // what the smtp provider reads
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()} when written in code.
 */
public final class PamkitConfig {
  private final List<SnmpDestination> snmpDestinations;
  private final List<Subscriber> eventSubscribers;
  private final List<EmailTemplateConfig> emailTemplates;
  private final ServiceState servicesConfig;
  private final List<String> trustedServers;
  private final List<String> trustAnchorEntries;
  private final List<X509Certificate> trustAnchors;
  private final List<EventDefinition> eventCatalogExtensions;
  private final EventCatalog eventCatalog;
  private final Map<String, JsonNode> sections;

  /** The top-level fields of pamkit's own transports, which their providers read. */
  static final Set<String> TRANSPORT_FIELDS =
      Set.of("EmailClientConfig", "EmailProviders", "SyslogServers");

  private PamkitConfig(Builder b) {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    b.sections.forEach((k, v) -> copy.put(k, v.deepCopy()));
    this.sections = Collections.unmodifiableMap(copy);
    this.snmpDestinations = List.copyOf(b.snmpDestinations);
    this.eventSubscribers = List.copyOf(b.eventSubscribers);
    this.emailTemplates = List.copyOf(b.emailTemplates);
    this.servicesConfig = b.servicesConfig;
    this.trustedServers = List.copyOf(b.trustedServers);
    this.trustAnchorEntries = List.copyOf(b.trustAnchorEntries);
    this.trustAnchors = List.copyOf(b.trustAnchors);
    this.eventCatalogExtensions = List.copyOf(b.eventCatalogExtensions);
    this.eventCatalog = EventCatalog.defaults().extend(eventCatalogExtensions);
  }

  /**
   * Parses a document.
   *
   * @param json the document's text
   * @return the configuration
   * @throws ConfigurationException listing every problem by JSON path
   */
  public static PamkitConfig parse(String json) {
    return parse(json, TransportProviders.load());
  }

  /**
   * Parses a document, letting the given transport providers read (and check) the top-level
   * sections they claim ({@code TransportProvider.section()}) besides pamkit's own.
   *
   * @param json the document's text
   * @param providers the providers; {@link #parse(String)} uses {@link TransportProviders#load()}
   * @return the configuration
   * @throws ConfigurationException listing every problem by JSON path, the sections' included
   */
  public static PamkitConfig parse(String json, TransportProviders providers) {
    return ConfigReader.parse(requireNonNull(json, "json"), requireNonNull(providers, "providers"));
  }

  /**
   * Reads a document from a UTF-8 file.
   *
   * @param file the file
   * @return the configuration
   * @throws ConfigurationException listing every problem by JSON path
   * @throws UncheckedIOException if the file cannot be read
   */
  public static PamkitConfig read(Path file) {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a document from a UTF-8 stream, which is not closed.
   *
   * @param in the stream
   * @return the configuration
   * @throws ConfigurationException listing every problem by JSON path
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static PamkitConfig read(InputStream in) {
    requireNonNull(in, "in");
    try {
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the configuration document", e);
    }
  }

  /**
   * Returns the empty configuration: email disabled, nothing configured, all service toggles at
   * their defaults.
   *
   * @return the default configuration
   */
  public static PamkitConfig defaults() {
    return new Builder().build();
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this configuration.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.snmpDestinations.addAll(snmpDestinations);
    b.eventSubscribers.addAll(eventSubscribers);
    b.emailTemplates.addAll(emailTemplates);
    b.servicesConfig = servicesConfig;
    b.trustedServers.addAll(trustedServers);
    b.trustAnchorEntries.addAll(trustAnchorEntries);
    b.trustAnchors.addAll(trustAnchors);
    b.eventCatalogExtensions.addAll(eventCatalogExtensions);
    b.sections.putAll(sections);
    return b;
  }

  /**
   * Returns a transport's section: a fresh read-only view of a top-level field of the document, for
   * its {@code io.pamkit.core.dispatch.spi.TransportProvider} to read. For a field holding an
   * object (e.g. {@code EmailClientConfig}) the view is that object at {@code $.Field}; for a field
   * holding an array (e.g. {@code SyslogServers}) it is the document restricted to that field, at
   * {@code $}. Secrets are included.
   *
   * @param field the top-level field, e.g. {@code EmailClientConfig} or a third-party transport's
   * @return the view, or empty when the document does not have the field
   */
  public Optional<ConfigSection> section(String field) {
    requireNonNull(field, "field");
    JsonNode n = sections.get(field);
    if (n == null || n.isNull() || (n.isArray() && n.isEmpty())) {
      return Optional.empty();
    }
    if (n.isObject()) {
      return Optional.of(ConfigSection.of(n, "$." + field, field));
    }
    com.fasterxml.jackson.databind.node.ObjectNode root =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    root.set(field, n);
    return Optional.of(ConfigSection.of(root, "$", "the configuration document"));
  }

  /**
   * Returns the transport sections as written in the document: pamkit's own ({@code
   * EmailClientConfig}, {@code EmailProviders}, {@code SyslogServers}) and those of third-party
   * providers.
   *
   * @return an unmodifiable map in document order; the nodes are copies
   */
  public Map<String, JsonNode> sections() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    sections.forEach((k, v) -> copy.put(k, v.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the sections of the {@code EmailProviders} entries in the order to try them (by {@code
   * Priority}), each at its JSON path; {@code Type}, {@code Name} and {@code Priority} are the
   * chain's and already checked. Empty when the document has no {@code EmailProviders}.
   *
   * @return fresh views, one per entry
   */
  public List<ConfigSection> emailProviderSections() {
    JsonNode n = sections.get("EmailProviders");
    List<Integer> order = new ArrayList<>();
    for (int i = 0; n != null && i < n.size(); i++) {
      order.add(i);
    }
    // stable: entries of equal Priority keep document order
    order.sort(Comparator.comparingInt(i -> requireNonNull(n).get(i).path("Priority").asInt(0)));
    List<ConfigSection> out = new ArrayList<>();
    for (int i : order) {
      ConfigSection s =
          ConfigSection.of(
              requireNonNull(n).get(i), "$.EmailProviders[" + i + "]", "EmailProvider");
      s.readOnly("Type", "Name", "Priority");
      out.add(s);
    }
    return out;
  }

  /**
   * Writes the document as indented JSON, leaving secrets out.
   *
   * @return the JSON text
   */
  public String toJson() {
    return toJson(SecretOutput.OMIT);
  }

  /**
   * Writes the document as indented JSON.
   *
   * @param secrets whether secrets are left out or written as {@code "******"}
   * @return the JSON text; it never contains a secret's value
   */
  public String toJson(SecretOutput secrets) {
    return ConfigWriter.write(this, requireNonNull(secrets, "secrets"));
  }

  /**
   * @return {@code SnmpDestinations}
   */
  public List<SnmpDestination> snmpDestinations() {
    return snmpDestinations;
  }

  /**
   * @return {@code EventSubscribers}, in document order
   */
  public List<Subscriber> eventSubscribers() {
    return eventSubscribers;
  }

  /**
   * Creates a subscriber registry holding this document's subscribers (their ids kept), checking
   * subscriptions against {@link #eventCatalog()}.
   *
   * @param publisher where the registry's test events go (normally the dispatch engine)
   * @return a new registry
   */
  public SubscriberRegistry newSubscriberRegistry(TargetedEventPublisher publisher) {
    SubscriberRegistry registry =
        SubscriberRegistry.builder(requireNonNull(publisher, "publisher"))
            .catalog(eventCatalog)
            .build();
    registry.addAll(eventSubscribers);
    return registry;
  }

  /**
   * @return {@code EmailTemplates}
   */
  public List<EmailTemplateConfig> emailTemplates() {
    return emailTemplates;
  }

  /**
   * Returns the service toggles: the document's {@code ServicesConfig} with its {@code
   * AuditLogStreamService} and per-appliance {@code ApplicationToApplicationEnabled} parts, as the
   * state of the service-toggle engine ({@code ServiceToggles.builder(id).state(...)}).
   *
   * @return the service-toggle state
   */
  public ServiceState servicesConfig() {
    return servicesConfig;
  }

  /**
   * Returns the {@code TrustedServers} entries as written (IPv4, IPv6, CIDR, host names with DNS
   * wildcards); the policy engine parses them.
   *
   * @return an immutable list
   */
  public List<String> trustedServers() {
    return trustedServers;
  }

  /**
   * Returns the {@code TrustedServers} entries as the rules that answer CORS and login-redirect
   * questions.
   *
   * @return the parsed entries (every entry was checked when the document was read)
   */
  public TrustedServers trustedServerRules() {
    return TrustedServers.of(trustedServers);
  }

  /**
   * Returns the {@code TrustAnchors} entries as written (a pamkit addition): each a PEM or DER
   * certificate file's path, or inline PEM text.
   *
   * @return an immutable list
   */
  public List<String> trustAnchorEntries() {
    return trustAnchorEntries;
  }

  /**
   * Returns the certificates of {@code TrustAnchors}: the CAs (or self-signed server certificates)
   * that every transport trusts besides the JVM's default trust store. {@code
   * io.pamkit.notify.ConfiguredTransports} hands them to the transports through {@code
   * TransportContext}.
   *
   * @return an immutable list, empty when the document gives none
   */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  /**
   * @return {@code EventCatalogExtensions}: event names added to (or overriding) the catalog
   */
  public List<EventDefinition> eventCatalogExtensions() {
    return eventCatalogExtensions;
  }

  /**
   * @return the shipped event catalog extended with {@link #eventCatalogExtensions()}
   */
  public EventCatalog eventCatalog() {
    return eventCatalog;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PamkitConfig c)) {
      return false;
    }
    return sections.equals(c.sections)
        && snmpDestinations.equals(c.snmpDestinations)
        && eventSubscribers.equals(c.eventSubscribers)
        && emailTemplates.equals(c.emailTemplates)
        && servicesConfig.equals(c.servicesConfig)
        && trustedServers.equals(c.trustedServers)
        && trustAnchorEntries.equals(c.trustAnchorEntries)
        && eventCatalogExtensions.equals(c.eventCatalogExtensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sections, eventSubscribers);
  }

  @Override
  public String toString() {
    return "PamkitConfig{sections="
        + sections.keySet()
        + ", snmpDestinations="
        + snmpDestinations.size()
        + ", subscribers="
        + eventSubscribers.size()
        + ", templates="
        + emailTemplates.size()
        + ", trustedServers="
        + trustedServers.size()
        + "}";
  }

  /**
   * Builds {@link PamkitConfig}s in code. Not thread-safe; the last call to a setter wins. {@link
   * #build()} checks the rules that span parts, reporting them by JSON path like the reader.
   */
  public static final class Builder {
    private final List<SnmpDestination> snmpDestinations = new ArrayList<>();
    private final List<Subscriber> eventSubscribers = new ArrayList<>();
    private final List<EmailTemplateConfig> emailTemplates = new ArrayList<>();
    private ServiceState servicesConfig = ServiceState.defaults();
    private final List<String> trustedServers = new ArrayList<>();
    private final List<String> trustAnchorEntries = new ArrayList<>();
    private final List<X509Certificate> trustAnchors = new ArrayList<>();
    private final List<EventDefinition> eventCatalogExtensions = new ArrayList<>();
    private final Map<String, JsonNode> sections = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a transport's section: a top-level field of the document that a transport provider
     * reads, pamkit's own ({@code EmailClientConfig}, an {@code EmailProviders} array, a {@code
     * SyslogServers} array) or a third party's. Default: none. Its content is checked by the
     * provider when transports are created ({@code ConfiguredTransports}), or when a document is
     * parsed with the providers available; {@link #build()} checks only the names and ids that
     * other parts refer to.
     *
     * @param field the top-level field
     * @param section its JSON value; copied
     * @return this builder
     * @throws IllegalArgumentException if the field is one of the non-transport parts of the
     *     document
     */
    public Builder section(String field, JsonNode section) {
      requireNonNull(field, "field");
      requireNonNull(section, "section");
      if (!TRANSPORT_FIELDS.contains(field) && KNOWN_FIELDS.contains(field)) {
        throw new IllegalArgumentException(field + " is not a transport's section");
      }
      sections.put(field, section.deepCopy());
      return this;
    }

    /**
     * Replaces {@code SnmpDestinations}. Default: none.
     *
     * @param destinations the destinations
     * @return this builder
     */
    public Builder snmpDestinations(List<SnmpDestination> destinations) {
      replace(snmpDestinations, destinations, "SnmpDestinations");
      return this;
    }

    /**
     * Replaces {@code EventSubscribers}. Default: none.
     *
     * @param subscribers the subscribers
     * @return this builder
     */
    public Builder eventSubscribers(List<Subscriber> subscribers) {
      replace(eventSubscribers, subscribers, "EventSubscribers");
      return this;
    }

    /**
     * Replaces {@code EmailTemplates}. Default: none.
     *
     * @param templates the templates
     * @return this builder
     */
    public Builder emailTemplates(List<EmailTemplateConfig> templates) {
      replace(emailTemplates, templates, "EmailTemplates");
      return this;
    }

    /**
     * Sets {@code ServicesConfig}. Default: {@link ServiceState#defaults()}.
     *
     * @param config the service toggles
     * @return this builder
     */
    public Builder servicesConfig(ServiceState config) {
      this.servicesConfig = requireNonNull(config, "ServicesConfig");
      return this;
    }

    /**
     * Replaces {@code TrustedServers}. Default: none.
     *
     * @param entries each 1 to 255 characters without spaces or control characters
     * @return this builder
     * @throws ValidationException if an entry breaks the rule
     */
    public Builder trustedServers(List<String> entries) {
      requireNonNull(entries, "TrustedServers");
      List<String> copy = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        copy.add(checkTrustedServer("$.TrustedServers[" + i + "]", entries.get(i)));
      }
      trustedServers.clear();
      trustedServers.addAll(copy);
      return this;
    }

    /**
     * Replaces {@code TrustAnchors} (a pamkit addition). Default: none. Each entry is inline PEM
     * text (it contains {@code -----BEGIN CERTIFICATE-----}) or the path of a PEM or DER file, read
     * now; a relative path is resolved against the working directory.
     *
     * @param entries the entries; every certificate of each is trusted
     * @return this builder
     * @throws ValidationException at {@code $.TrustAnchors[i]} for an entry that is empty, names no
     *     readable file, or holds no certificate
     */
    public Builder trustAnchors(List<String> entries) {
      requireNonNull(entries, "TrustAnchors");
      List<X509Certificate> certificates = new ArrayList<>();
      List<Violation> v = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        try {
          certificates.addAll(readTrustAnchor(entries.get(i)));
        } catch (ValidationException e) {
          v.add(new Violation("$.TrustAnchors[" + i + "]", e.violations().get(0).message()));
        }
      }
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      trustAnchorEntries.clear();
      trustAnchorEntries.addAll(entries);
      trustAnchors.clear();
      trustAnchors.addAll(certificates);
      return this;
    }

    /**
     * Replaces {@code EventCatalogExtensions}. Default: none.
     *
     * @param definitions event names to add to the shipped catalog, or to override there
     * @return this builder
     */
    public Builder eventCatalogExtensions(List<EventDefinition> definitions) {
      replace(eventCatalogExtensions, definitions, "EventCatalogExtensions");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws ConfigurationException listing every rule broken across parts: duplicate names or
     *     ids, subscriptions and template event names the catalog does not know, references to
     *     syslog servers or templates that do not exist, subscribers without what their type needs
     */
    public PamkitConfig build() {
      List<Violation> v = crossCheck(this);
      if (v.isEmpty()) {
        v = identify();
      }
      if (!v.isEmpty()) {
        throw new ConfigurationException(v);
      }
      return new PamkitConfig(this);
    }

    /** Gives subscribers without an Id their derived, stable one ({@link SubscriberIdentity}). */
    private List<Violation> identify() {
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < eventSubscribers.size(); i++) {
        paths.add("$.EventSubscribers[" + i + "]");
      }
      try {
        replace(
            eventSubscribers,
            SubscriberIdentity.assign(eventSubscribers, paths),
            "eventSubscribers");
        return List.of();
      } catch (ValidationException e) {
        return e.violations();
      }
    }

    private static <T> void replace(List<T> target, List<? extends T> source, String field) {
      requireNonNull(source, field);
      List<T> copy = new ArrayList<>(source.size());
      for (T t : source) {
        copy.add(requireNonNull(t, field + " entry"));
      }
      target.clear();
      target.addAll(copy);
    }
  }

  /** The top-level fields core reads itself. */
  static final Set<String> KNOWN_FIELDS =
      Set.of(
          "$schema",
          "EmailClientConfig",
          "EmailProviders",
          "SyslogServers",
          "SnmpDestinations",
          "EmailTemplates",
          "EventSubscribers",
          "ServicesConfig",
          "TrustedServers",
          "TrustAnchors",
          "EventCatalogExtensions");

  /** Reads one {@code TrustAnchors} entry: inline PEM or a file. */
  static List<X509Certificate> readTrustAnchor(@Nullable String entry) {
    if (entry == null || entry.isBlank()) {
      throw new ValidationException(
          "TrustAnchors", "is empty: give a certificate file's path or" + " inline PEM");
    }
    try {
      if (entry.contains("-----BEGIN")) {
        return Certificates.readChain(entry.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
      Path file = Path.of(entry.strip());
      if (!Files.isRegularFile(file)) {
        throw new ValidationException(
            "TrustAnchors",
            "'"
                + entry
                + "' is not a file (a relative"
                + " path is resolved against the working directory "
                + Path.of("").toAbsolutePath()
                + ")");
      }
      return Certificates.readChain(file);
    } catch (CertificateLoadException e) {
      throw new ValidationException(
          "TrustAnchors", "holds no usable certificate: " + e.getMessage());
    } catch (java.nio.file.InvalidPathException e) {
      throw new ValidationException(
          "TrustAnchors", "'" + entry + "' is neither inline PEM nor a" + " file path");
    }
  }

  static String checkTrustedServer(String path, String entry) {
    requireNonNull(entry, path);
    if (entry.isEmpty() || entry.length() > 255) {
      throw new ValidationException(
          path, "must be 1 to 255 characters long, not " + entry.length());
    }
    try {
      TrustedServer.parse(entry);
    } catch (ValidationException e) {
      throw new ValidationException(path, e.violations().get(0).message());
    }
    return entry;
  }

  /** The rules that span parts, shared by the builder and the reader. */
  static List<Violation> crossCheck(Builder b) {
    List<Violation> v = new ArrayList<>();
    EventCatalog catalog = EventCatalog.defaults().extend(b.eventCatalogExtensions);
    Set<String> names = new HashSet<>();
    JsonNode providers = b.sections.get("EmailProviders");
    for (int i = 0; providers != null && i < providers.size(); i++) {
      JsonNode p = providers.get(i);
      String name = p.path("Name").asText(p.path("Type").asText(""));
      if (!names.add(name)) {
        v.add(
            new Violation(
                "$.EmailProviders[" + i + "].Name", "'" + name + "' is used by another provider"));
      }
    }
    Set<Integer> serverIds = new HashSet<>();
    Set<String> serverNames = new HashSet<>();
    JsonNode servers = b.sections.get("SyslogServers");
    for (int i = 0; servers != null && i < servers.size(); i++) {
      JsonNode s = servers.get(i);
      int id = s.path("Id").asInt(0);
      if (id != 0 && !serverIds.add(id)) {
        v.add(new Violation("$.SyslogServers[" + i + "].Id", id + " is used by another server"));
      }
      String name = s.path("Name").asText("");
      if (!name.isEmpty() && !serverNames.add(name)) {
        v.add(
            new Violation(
                "$.SyslogServers[" + i + "].Name", "'" + name + "' is used by another server"));
      }
    }
    Set<String> destinations = new HashSet<>();
    for (int i = 0; i < b.snmpDestinations.size(); i++) {
      if (!destinations.add(b.snmpDestinations.get(i).name())) {
        v.add(
            new Violation(
                "$.SnmpDestinations[" + i + "].Name",
                "'" + b.snmpDestinations.get(i).name() + "' is used by another destination"));
      }
    }
    Set<String> templateNames = new HashSet<>();
    Set<String> templateEvents = new HashSet<>();
    for (int i = 0; i < b.emailTemplates.size(); i++) {
      EmailTemplateConfig t = b.emailTemplates.get(i);
      String path = "$.EmailTemplates[" + i + "]";
      t.name()
          .ifPresent(
              n -> {
                if (!templateNames.add(n)) {
                  v.add(new Violation(path + ".Name", "'" + n + "' is used by another template"));
                }
              });
      t.eventName()
          .ifPresent(
              e -> {
                if (!catalog.contains(e)) {
                  v.add(
                      new Violation(
                          path + ".EventName",
                          "'" + e + "' is not an event name the catalog knows"));
                } else if (t.name().isEmpty() && !templateEvents.add(e)) {
                  v.add(
                      new Violation(
                          path + ".EventName",
                          "another template without a Name is already the template of '"
                              + e
                              + "'"));
                }
              });
    }
    Set<Integer> subscriberIds = new HashSet<>();
    for (int i = 0; i < b.eventSubscribers.size(); i++) {
      Subscriber s = b.eventSubscribers.get(i);
      String path = "$.EventSubscribers[" + i + "]";
      if (s.id() != 0 && !subscriberIds.add(s.id())) {
        v.add(new Violation(path + ".Id", s.id() + " is used by another subscriber"));
      }
      int j = 0;
      for (String name : s.subscriptions()) {
        if (!catalog.contains(name)) {
          v.add(
              new Violation(
                  path + ".Subscriptions[" + j + "]",
                  "'" + name + "' is not an event name the catalog knows"));
        }
        j++;
      }
      s.template()
          .ifPresent(
              t -> {
                if (!templateNames.contains(t)) {
                  v.add(
                      new Violation(
                          path + ".Template",
                          "'" + t + "' is not the Name of a template in EmailTemplates"));
                }
              });
      s.syslogProperties()
          .ifPresent(
              p -> {
                p.syslogServerId()
                    .ifPresent(
                        id -> {
                          if (!serverIds.contains(id)) {
                            v.add(
                                new Violation(
                                    path + ".SyslogProperties.SyslogServerId",
                                    id + " is not the Id of a server in SyslogServers"));
                          }
                        });
                p.syslogServerName()
                    .ifPresent(
                        n -> {
                          if (!serverNames.contains(n)) {
                            v.add(
                                new Violation(
                                    path + ".SyslogProperties.SyslogServerName",
                                    "'" + n + "' is not the Name of a server in SyslogServers"));
                          }
                        });
                if (p.syslogServerId().isEmpty()
                    && p.syslogServerName().isEmpty()
                    && p.networkAddress().filter(a -> !a.isEmpty()).isEmpty()) {
                  v.add(
                      new Violation(
                          path + ".SyslogProperties",
                          "give SyslogServerId, SyslogServerName or NetworkAddress"));
                }
              });
      switch (s.type()) {
        case Subscriber.EMAIL -> {
          if (s.emailAddress().isEmpty() && s.userId().isEmpty()) {
            v.add(
                new Violation(
                    path + ".EmailAddress",
                    "an Email subscriber needs an EmailAddress or a UserId"));
          }
        }
        case Subscriber.SYSLOG -> {
          if (s.syslogProperties().isEmpty()) {
            v.add(
                new Violation(
                    path + ".SyslogProperties", "a Syslog subscriber needs SyslogProperties"));
          }
        }
        case Subscriber.SNMP -> {
          if (s.snmpProperties().isEmpty()) {
            v.add(
                new Violation(path + ".SnmpProperties", "an Snmp subscriber needs SnmpProperties"));
          } else if (s.snmpProperties()
              .get()
              .networkAddress()
              .filter(a -> !a.isEmpty())
              .isEmpty()) {
            v.add(
                new Violation(
                    path + ".SnmpProperties.NetworkAddress",
                    "is required (or give SnmpDestinationName)"));
          }
        }
        default -> {}
      }
    }
    return v;
  }
}
