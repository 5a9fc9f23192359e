// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The email templates in force: a template per event name (the appliance's Email Templates page),
 * shared templates that subscribers reference by name, and a default template for every event of
 * the {@link EventCatalog} that has no template of its own.
 *
 * <p>Placeholders: the common fields {@code EventName}, {@code EventId}, {@code Time} (ISO-8601,
 * UTC), {@code ApplianceId}, {@code Level}, {@code Category}, {@code ObjectType}, {@code ObjectId}
 * and {@code EventProperties} (every property as {@code Name: value} lines), plus the event
 * properties declared for the template's event with {@link Builder#properties}. A template that
 * uses any other placeholder is refused when loaded, naming the template and the placeholder. A
 * declared property the event does not carry renders as empty text.
 *
 * <pre>{@code
 * EmailTemplates templates = EmailTemplates.builder()
 *     .properties("PasswordChangeFailed", List.of("AssetName", "AccountName"))
 *     .put(EmailTemplate.builder("PasswordChangeFailed")
 *         .subject("Password change failed for {{AccountName}} on {{AssetName}}")
 *         .body("At {{Time}} the appliance could not change the password.")
 *         .build())
 *     .build();
 * RenderedEmail email = templates.render(event, null);
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class EmailTemplates {
  private static final List<String> COMMON_FIELDS =
      List.of(
          "EventName",
          "EventId",
          "Time",
          "ApplianceId",
          "Level",
          "Category",
          "ObjectType",
          "ObjectId",
          "EventProperties");
  private static volatile @Nullable EmailTemplates defaults;

  private final EventCatalog catalog;
  private final Map<String, EmailTemplate> templates;
  private final Map<String, Set<String>> properties;
  private final Clock clock;

  private EmailTemplates(Builder b) {
    this.catalog = b.catalog;
    this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(b.templates));
    Map<String, Set<String>> p = new LinkedHashMap<>();
    b.properties.forEach((k, v) -> p.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    this.properties = Collections.unmodifiableMap(p);
    this.clock = b.clock;
  }

  /**
   * Returns the default templates for every event of {@link EventCatalog#defaults()}, with no
   * custom template.
   *
   * @return the shared default set
   */
  public static EmailTemplates defaults() {
    EmailTemplates d = defaults;
    if (d == null) {
      d = builder().build();
      defaults = d;
    }
    return d;
  }

  /**
   * Starts a builder over {@link EventCatalog#defaults()} with no custom template.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these templates and declarations.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.catalog = catalog;
    b.clock = clock;
    properties.forEach((k, v) -> b.properties.put(k, new LinkedHashSet<>(v)));
    b.templates.putAll(templates);
    return b;
  }

  /**
   * Returns the common fields every template may use.
   *
   * @return the field names
   */
  public static List<String> commonFields() {
    return COMMON_FIELDS;
  }

  /**
   * Returns the default template of an event: a subject naming the event and its level, and a
   * plain-text body listing the common fields and every property.
   *
   * @param eventName the event name
   * @return the default template
   */
  public static EmailTemplate defaultTemplate(String eventName) {
    return EmailTemplate.builder(eventName)
        .subject("[{{Level}}] {{EventName}}")
        .body(
            "Event:     {{EventName}}\n"
                + "Category:  {{Category}}\n"
                + "Level:     {{Level}}\n"
                + "Time:      {{Time}}\n"
                + "Appliance: {{ApplianceId}}\n"
                + "Object:    {{ObjectType}} {{ObjectId}}\n"
                + "Event id:  {{EventId}}\n"
                + "\n"
                + "{{EventProperties}}\n")
        .build();
  }

  /**
   * Returns the template used for a name: the custom one if loaded, else the default template when
   * the name is an event of the catalog.
   *
   * @param name an event name or a shared template's name
   * @return the template, or empty when neither exists
   */
  public Optional<EmailTemplate> template(String name) {
    requireNonNull(name, "name");
    EmailTemplate t = templates.get(name);
    if (t != null) {
      return Optional.of(t);
    }
    return catalog.contains(name) ? Optional.of(defaultTemplate(name)) : Optional.empty();
  }

  /**
   * Returns whether a custom template was loaded for a name (the appliance's {@code IsModified}).
   *
   * @param name an event name or a shared template's name
   * @return true when a custom template replaces the default
   */
  public boolean isCustom(String name) {
    return templates.containsKey(name);
  }

  /**
   * Returns the custom templates, by name.
   *
   * @return an unmodifiable map in load order
   */
  public Map<String, EmailTemplate> customTemplates() {
    return templates;
  }

  /**
   * Returns the event properties declared for a template name.
   *
   * @param name an event name or a shared template's name
   * @return the declared property names; empty when none
   */
  public Set<String> declaredProperties(String name) {
    return properties.getOrDefault(name, Set.of());
  }

  /**
   * Renders the email for an event: with the named template when {@code templateName} is given (a
   * subscriber's template reference), else with the event's own template or its default.
   *
   * @param event the event
   * @param templateName the template to use, or null for the event's template
   * @return the rendered email
   * @throws ValidationException if the named template does not exist, or if the event has no
   *     template and is not in the catalog
   */
  public RenderedEmail render(ApplianceEvent event, @Nullable String templateName) {
    requireNonNull(event, "event");
    String name = templateName != null ? templateName : event.name();
    EmailTemplate t = templates.get(name);
    if (t == null) {
      t = templateName == null || catalog.contains(name) ? defaultTemplate(event.name()) : null;
    }
    if (t == null) {
      throw new ValidationException(
          "template",
          "no email template named '"
              + name
              + "'; loaded templates are "
              + new TreeSet<>(templates.keySet()));
    }
    return render(t, event);
  }

  /**
   * Renders a template for a sample event without sending it: the appliance's {@code
   * RenderTestEmail}. The event carries the template's name as its name (with the catalog's level
   * when known), {@code Test} as appliance id and object, and each declared property with the value
   * {@code [PropertyName]}.
   *
   * @param template the template to render; its placeholders are checked first
   * @return the rendered email
   * @throws ValidationException if the template uses an unknown placeholder
   */
  public RenderedEmail renderTest(EmailTemplate template) {
    requireNonNull(template, "template");
    check(template);
    String eventName =
        template.name().chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
            ? template.name()
            : "Test";
    ApplianceEvent.Builder b =
        ApplianceEvent.uncheckedBuilder(eventName)
            .id("test-" + eventName)
            .time(clock.instant())
            .applianceId("Test")
            .level(
                catalog.find(eventName).map(EventDefinition::defaultLevel).orElse(EventLevel.INFO))
            .object("Test", "0");
    for (String p : declaredProperties(template.name())) {
      b.property(p, "[" + p + "]");
    }
    return render(template, b.build());
  }

  /**
   * Renders the template in force for an event name with a sample event.
   *
   * @param name an event name or a shared template's name
   * @return the rendered email
   * @throws ValidationException if there is no template of that name
   */
  public RenderedEmail renderTest(String name) {
    return renderTest(
        template(name)
            .orElseThrow(
                () ->
                    new ValidationException("template", "no email template named '" + name + "'")));
  }

  private RenderedEmail render(EmailTemplate t, ApplianceEvent event) {
    String subject = t.subjectText().render(n -> headerSafe(value(n, event)));
    String body =
        t.bodyText()
            .render(
                n -> t.format() == BodyFormat.HTML ? escapeHtml(value(n, event)) : value(n, event));
    return new RenderedEmail(t.name(), subject, body, t.format(), t.replyTo().orElse(null));
  }

  private String value(String name, ApplianceEvent e) {
    return switch (name) {
      case "EventName" -> e.name();
      case "EventId" -> e.id();
      case "Time" -> DateTimeFormatter.ISO_INSTANT.format(e.time());
      case "ApplianceId" -> e.applianceId();
      case "Level" -> e.level().wireName();
      case "Category" -> catalog.find(e.name()).map(d -> d.category().wireName()).orElse("Unknown");
      case "ObjectType" -> e.objectType() == null ? "" : e.objectType();
      case "ObjectId" -> e.objectId() == null ? "" : e.objectId();
      case "EventProperties" -> {
        StringBuilder sb = new StringBuilder();
        e.properties().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        yield sb.toString();
      }
      default -> {
        String v = e.property(name);
        yield v == null ? "" : v;
      }
    };
  }

  /** Replaces every control character (CR, LF, TAB...) by a space: values stay on one line. */
  static String headerSafe(String value) {
    StringBuilder sb = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (sb == null) {
          sb = new StringBuilder(value);
        }
        sb.setCharAt(i, ' ');
      }
    }
    return sb == null ? value : sb.toString();
  }

  /**
   * Escapes text for HTML element content and attribute values.
   *
   * @param value the text
   * @return the text with {@code & < > " '} escaped
   */
  public static String escapeHtml(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private void check(EmailTemplate t) {
    List<Violation> v = unknownPlaceholders(t, properties.getOrDefault(t.name(), Set.of()));
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }

  private static List<Violation> unknownPlaceholders(EmailTemplate t, Set<String> declared) {
    List<Violation> v = new ArrayList<>();
    for (String p : t.placeholders()) {
      if (!COMMON_FIELDS.contains(p) && !declared.contains(p)) {
        Set<String> known = new TreeSet<>(COMMON_FIELDS);
        known.addAll(declared);
        String field =
            t.subjectText().placeholders().contains(p) ? "SubjectTemplate" : "BodyTemplate";
        v.add(
            new Violation(
                "EmailTemplates[" + t.name() + "]." + field,
                "unknown placeholder {{"
                    + p
                    + "}} in template '"
                    + t.name()
                    + "'; known: "
                    + known));
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return "EmailTemplates{custom=" + templates.keySet() + ", catalog=" + catalog.size() + "}";
  }

  /** Builds {@link EmailTemplates}. Not thread-safe. */
  public static final class Builder {
    private EventCatalog catalog = EventCatalog.defaults();
    private final Map<String, EmailTemplate> templates = new LinkedHashMap<>();
    private final Map<String, Set<String>> properties = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the event catalog whose events get default templates and categories. Default: {@link
     * EventCatalog#defaults()}.
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder catalog(EventCatalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets the clock that stamps test events. Default: the system clock (UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Declares the event properties a template may use (the appliance's {@code Event.Properties} of
     * the event). Declare before loading the templates that use them.
     *
     * @param name the event name (or shared template name)
     * @param propertyNames the property names
     * @return this builder
     */
    public Builder properties(String name, Collection<String> propertyNames) {
      requireNonNull(name, "name");
      Set<String> set = properties.computeIfAbsent(name, k -> new LinkedHashSet<>());
      for (String p : requireNonNull(propertyNames, "propertyNames")) {
        set.add(requireNonNull(p, "property name"));
      }
      return this;
    }

    /**
     * Loads a template, replacing any of the same name, after checking its placeholders.
     *
     * @param template the template
     * @return this builder
     * @throws ValidationException naming the template and each unknown placeholder
     */
    public Builder put(EmailTemplate template) {
      requireNonNull(template, "template");
      List<Violation> v =
          unknownPlaceholders(template, properties.getOrDefault(template.name(), Set.of()));
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      templates.put(template.name(), template);
      return this;
    }

    /**
     * Removes a custom template, so that its event falls back to the default one.
     *
     * @param name the template's name
     * @return this builder
     */
    public Builder remove(String name) {
      templates.remove(requireNonNull(name, "name"));
      return this;
    }

    /**
     * Builds the template set.
     *
     * @return a new immutable set of templates
     */
    public EmailTemplates build() {
      return new EmailTemplates(this);
    }
  }
}
