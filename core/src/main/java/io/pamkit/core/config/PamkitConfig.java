package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.policy.TrustedServer;
import io.pamkit.core.policy.TrustedServers;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventPublisher;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON configuration document that describes a whole pamkit integration: the appliance's
 * email settings ({@code EmailClientConfig}), pamkit's email provider chain ({@code
 * EmailProviders}), syslog servers ({@code SyslogServers}), SNMP destinations ({@code
 * SnmpDestinations}), event subscribers ({@code EventSubscribers}), email templates ({@code
 * EmailTemplates}), service toggles ({@code ServicesConfig}), trusted servers ({@code
 * TrustedServers}) and additions to the event catalog ({@code EventCatalogExtensions}). Every part
 * is optional; docs/configuration.md documents each field.
 *
 * <p>Where the appliance's API has a schema for a part, the part has that schema's field names,
 * types, limits and defaults, so what the API returns can be pasted in as is (read-only fields
 * such as {@code CreatedDate} are accepted and ignored); pamkit's additions sit beside them in the
 * same PascalCase style.
 *
 * <p>{@link #parse(String)} and {@link #read(Path)} check everything before failing: unknown
 * fields, values of the wrong type and broken rules are all reported together in one {@link
 * ConfigurationException}, each problem with its JSON path, e.g. {@code
 * $.EmailClientConfig.PortNumber: 70000 is outside 1..65535}. {@link #toJson()} writes the
 * document back, leaving secrets out.
 *
 * <pre>{@code
 * PamkitConfig config = PamkitConfig.read(Path.of("pamkit.json"));
 * EventCatalog catalog = config.eventCatalog(); // shipped names plus EventCatalogExtensions
 * for (EmailProvider p : config.emailProviderChain()) {
 *   System.out.println(p.priority() + " " + p.name());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; built with {@link #builder()} when written in code.
 */
public final class PamkitConfig {
  private final EmailClientConfig emailClientConfig;
  private final List<EmailProvider> emailProviders;
  private final List<SyslogServer> syslogServers;
  private final List<SnmpDestination> snmpDestinations;
  private final List<Subscriber> eventSubscribers;
  private final List<EmailTemplate> emailTemplates;
  private final ServiceState servicesConfig;
  private final List<String> trustedServers;
  private final List<EventDefinition> eventCatalogExtensions;
  private final EventCatalog eventCatalog;

  private PamkitConfig(Builder b) {
    this.emailClientConfig = b.emailClientConfig;
    List<EmailProvider> sorted = new ArrayList<>(b.emailProviders);
    sorted.sort(Comparator.comparingInt(EmailProvider::priority));
    this.emailProviders = List.copyOf(sorted);
    this.syslogServers = List.copyOf(b.syslogServers);
    this.snmpDestinations = List.copyOf(b.snmpDestinations);
    this.eventSubscribers = List.copyOf(b.eventSubscribers);
    this.emailTemplates = List.copyOf(b.emailTemplates);
    this.servicesConfig = b.servicesConfig;
    this.trustedServers = List.copyOf(b.trustedServers);
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
    return ConfigReader.parse(requireNonNull(json, "json"));
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
    b.emailClientConfig = emailClientConfig;
    b.emailProviders.addAll(emailProviders);
    b.syslogServers.addAll(syslogServers);
    b.snmpDestinations.addAll(snmpDestinations);
    b.eventSubscribers.addAll(eventSubscribers);
    b.emailTemplates.addAll(emailTemplates);
    b.servicesConfig = servicesConfig;
    b.trustedServers.addAll(trustedServers);
    b.eventCatalogExtensions.addAll(eventCatalogExtensions);
    return b;
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

  /** @return {@code EmailClientConfig}: the appliance's SMTP settings */
  public EmailClientConfig emailClientConfig() {
    return emailClientConfig;
  }

  /** @return {@code EmailProviders}, ordered by priority (lowest first, stable) */
  public List<EmailProvider> emailProviders() {
    return emailProviders;
  }

  /**
   * Returns the providers to send email through, in the order to try them: {@code
   * EmailProviders} when given; otherwise the {@code EmailClientConfig} as a single SMTP provider
   * named {@code EmailClientConfig} when it is enabled; otherwise none.
   *
   * @return an immutable list
   */
  public List<EmailProvider> emailProviderChain() {
    if (!emailProviders.isEmpty()) {
      return emailProviders;
    }
    if (emailClientConfig.enabled()) {
      return List.of(SmtpEmailProvider.of("EmailClientConfig", 0, emailClientConfig));
    }
    return List.of();
  }

  /** @return {@code SyslogServers} */
  public List<SyslogServer> syslogServers() {
    return syslogServers;
  }

  /** @return {@code SnmpDestinations} */
  public List<SnmpDestination> snmpDestinations() {
    return snmpDestinations;
  }

  /** @return {@code EventSubscribers}, in document order */
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
  public SubscriberRegistry newSubscriberRegistry(EventPublisher publisher) {
    SubscriberRegistry registry =
        SubscriberRegistry.builder(requireNonNull(publisher, "publisher"))
            .catalog(eventCatalog)
            .build();
    registry.addAll(eventSubscribers);
    return registry;
  }

  /** @return {@code EmailTemplates} */
  public List<EmailTemplate> emailTemplates() {
    return emailTemplates;
  }

  /**
   * Returns the service toggles: the document's {@code ServicesConfig} with its {@code
   * AuditLogStreamService} and per-appliance {@code ApplicationToApplicationEnabled} parts, as
   * the state of the service-toggle engine ({@code ServiceToggles.builder(id).state(...)}).
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

  /** @return {@code EventCatalogExtensions}: event names added to (or overriding) the catalog */
  public List<EventDefinition> eventCatalogExtensions() {
    return eventCatalogExtensions;
  }

  /** @return the shipped event catalog extended with {@link #eventCatalogExtensions()} */
  public EventCatalog eventCatalog() {
    return eventCatalog;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PamkitConfig)) {
      return false;
    }
    PamkitConfig c = (PamkitConfig) o;
    return emailClientConfig.equals(c.emailClientConfig)
        && emailProviders.equals(c.emailProviders)
        && syslogServers.equals(c.syslogServers)
        && snmpDestinations.equals(c.snmpDestinations)
        && eventSubscribers.equals(c.eventSubscribers)
        && emailTemplates.equals(c.emailTemplates)
        && servicesConfig.equals(c.servicesConfig)
        && trustedServers.equals(c.trustedServers)
        && eventCatalogExtensions.equals(c.eventCatalogExtensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(emailClientConfig, emailProviders, syslogServers, eventSubscribers);
  }

  @Override
  public String toString() {
    return "PamkitConfig{" + emailClientConfig + ", providers=" + emailProviders.size()
        + ", syslogServers=" + syslogServers.size() + ", snmpDestinations="
        + snmpDestinations.size() + ", subscribers=" + eventSubscribers.size() + ", templates="
        + emailTemplates.size() + ", trustedServers=" + trustedServers.size() + "}";
  }

  /**
   * Builds {@link PamkitConfig}s in code. Not thread-safe; the last call to a setter wins. {@link
   * #build()} checks the rules that span parts, reporting them by JSON path like the reader.
   */
  public static final class Builder {
    private EmailClientConfig emailClientConfig = EmailClientConfig.defaults();
    private final List<EmailProvider> emailProviders = new ArrayList<>();
    private final List<SyslogServer> syslogServers = new ArrayList<>();
    private final List<SnmpDestination> snmpDestinations = new ArrayList<>();
    private final List<Subscriber> eventSubscribers = new ArrayList<>();
    private final List<EmailTemplate> emailTemplates = new ArrayList<>();
    private ServiceState servicesConfig = ServiceState.defaults();
    private final List<String> trustedServers = new ArrayList<>();
    private final List<EventDefinition> eventCatalogExtensions = new ArrayList<>();

    private Builder() {}

    /**
     * Sets {@code EmailClientConfig}. Default: {@link EmailClientConfig#defaults()} (disabled).
     *
     * @param config the SMTP settings
     * @return this builder
     */
    public Builder emailClientConfig(EmailClientConfig config) {
      this.emailClientConfig = requireNonNull(config, "EmailClientConfig");
      return this;
    }

    /**
     * Replaces {@code EmailProviders}. Default: none.
     *
     * @param providers the providers, in any order (they are sorted by priority)
     * @return this builder
     */
    public Builder emailProviders(List<? extends EmailProvider> providers) {
      replace(emailProviders, providers, "EmailProviders");
      return this;
    }

    /**
     * Replaces {@code SyslogServers}. Default: none.
     *
     * @param servers the servers
     * @return this builder
     */
    public Builder syslogServers(List<SyslogServer> servers) {
      replace(syslogServers, servers, "SyslogServers");
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
    public Builder emailTemplates(List<EmailTemplate> templates) {
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
     *     syslog servers or templates that do not exist, subscribers without what their type
     *     needs
     */
    public PamkitConfig build() {
      List<Violation> v = crossCheck(this);
      if (!v.isEmpty()) {
        throw new ConfigurationException(v);
      }
      return new PamkitConfig(this);
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

  static String checkTrustedServer(String path, String entry) {
    requireNonNull(entry, path);
    if (entry.isEmpty() || entry.length() > 255) {
      throw new ValidationException(path, "must be 1 to 255 characters long, not "
          + entry.length());
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
    for (int i = 0; i < b.emailProviders.size(); i++) {
      if (!names.add(b.emailProviders.get(i).name())) {
        v.add(new Violation("$.EmailProviders[" + i + "].Name",
            "'" + b.emailProviders.get(i).name() + "' is used by another provider"));
      }
    }
    Set<Integer> serverIds = new HashSet<>();
    Set<String> serverNames = new HashSet<>();
    for (int i = 0; i < b.syslogServers.size(); i++) {
      SyslogServer s = b.syslogServers.get(i);
      if (s.id() != 0 && !serverIds.add(s.id())) {
        v.add(new Violation("$.SyslogServers[" + i + "].Id", s.id() + " is used by another server"));
      }
      if (!serverNames.add(s.name())) {
        v.add(new Violation(
            "$.SyslogServers[" + i + "].Name", "'" + s.name() + "' is used by another server"));
      }
    }
    Set<String> destinations = new HashSet<>();
    for (int i = 0; i < b.snmpDestinations.size(); i++) {
      if (!destinations.add(b.snmpDestinations.get(i).name())) {
        v.add(new Violation("$.SnmpDestinations[" + i + "].Name",
            "'" + b.snmpDestinations.get(i).name() + "' is used by another destination"));
      }
    }
    Set<String> templateNames = new HashSet<>();
    Set<String> templateEvents = new HashSet<>();
    for (int i = 0; i < b.emailTemplates.size(); i++) {
      EmailTemplate t = b.emailTemplates.get(i);
      String path = "$.EmailTemplates[" + i + "]";
      t.name().ifPresent(n -> {
        if (!templateNames.add(n)) {
          v.add(new Violation(path + ".Name", "'" + n + "' is used by another template"));
        }
      });
      t.eventName().ifPresent(e -> {
        if (!catalog.contains(e)) {
          v.add(new Violation(path + ".EventName", "'" + e
              + "' is not an event name the catalog knows"));
        } else if (t.name().isEmpty() && !templateEvents.add(e)) {
          v.add(new Violation(path + ".EventName",
              "another template without a Name is already the template of '" + e + "'"));
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
          v.add(new Violation(path + ".Subscriptions[" + j + "]",
              "'" + name + "' is not an event name the catalog knows"));
        }
        j++;
      }
      s.template().ifPresent(t -> {
        if (!templateNames.contains(t)) {
          v.add(new Violation(path + ".Template", "'" + t
              + "' is not the Name of a template in EmailTemplates"));
        }
      });
      s.syslogProperties().ifPresent(p -> {
        p.syslogServerId().ifPresent(id -> {
          if (!serverIds.contains(id)) {
            v.add(new Violation(path + ".SyslogProperties.SyslogServerId",
                id + " is not the Id of a server in SyslogServers"));
          }
        });
        p.syslogServerName().ifPresent(n -> {
          if (!serverNames.contains(n)) {
            v.add(new Violation(path + ".SyslogProperties.SyslogServerName",
                "'" + n + "' is not the Name of a server in SyslogServers"));
          }
        });
        if (p.syslogServerId().isEmpty() && p.syslogServerName().isEmpty()
            && p.networkAddress().filter(a -> !a.isEmpty()).isEmpty()) {
          v.add(new Violation(path + ".SyslogProperties",
              "give SyslogServerId, SyslogServerName or NetworkAddress"));
        }
      });
      switch (s.type()) {
        case Subscriber.EMAIL:
          if (s.emailAddress().isEmpty() && s.userId().isEmpty()) {
            v.add(new Violation(path + ".EmailAddress",
                "an Email subscriber needs an EmailAddress or a UserId"));
          }
          break;
        case Subscriber.SYSLOG:
          if (s.syslogProperties().isEmpty()) {
            v.add(new Violation(path + ".SyslogProperties",
                "a Syslog subscriber needs SyslogProperties"));
          }
          break;
        case Subscriber.SNMP:
          if (s.snmpProperties().isEmpty()) {
            v.add(new Violation(path + ".SnmpProperties",
                "an Snmp subscriber needs SnmpProperties"));
          } else if (s.snmpProperties().get().networkAddress().filter(a -> !a.isEmpty())
              .isEmpty()) {
            v.add(new Violation(path + ".SnmpProperties.NetworkAddress",
                "is required (or give SnmpDestinationName)"));
          }
          break;
        default:
          break;
      }
    }
    return v;
  }
}
