// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.sessionlink.internal.ApplianceHttp;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.SchemaValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A client of the password appliance's notification settings (SPP API v4, {@code
 * /service/core/v4/...}; OpenAPI subset {@code spp-openapi-v4-settings.json}, docs/sessionlink.md
 * lists every endpoint with its source): the SMTP client ({@code EmailClientConfig} with {@code
 * SendTestEmail}), email templates (with render and send test), event subscribers with their
 * subscriptions, syslog servers and ticket systems. The Enable or Disable Services page is {@link
 * SppClient#servicesConfig()}; the API v4 has no Trusted Servers / CORS endpoint in the subset.
 *
 * <p>It uses the {@link SppClient}'s login, token renewal, retries (GET and PUT only) and error
 * mapping: failures are the same typed {@link SessionLinkException}s with the appliance's {@code
 * ApiError} code (e.g. {@link AuthorizationException} for 403 60108, {@link NotFoundException}).
 * Request bodies are checked against the OpenAPI schemas before anything is sent, so a misspelt or
 * out-of-range field is a {@link ValidationException} naming its JSON path; read-only fields in a
 * body are accepted (the appliance ignores them).
 *
 * <pre>{@code
 * ApplianceSettings settings = ApplianceSettings.of(spp);
 * SettingsResource smtp = settings.emailClientConfig();
 * ObjectNode change = smtp.writable().put("PortNumber", 587);
 * settings.updateEmailClientConfig(change);
 * }</pre>
 *
 * <p>This example is compiled and run by the simulator module's {@code JavadocExamplesTest}.
 *
 * <p>Thread-safe, as the {@link SppClient} it uses; closing that client ends this one.
 */
public final class ApplianceSettings {
  private final SppClient spp;

  private ApplianceSettings(SppClient spp) {
    this.spp = spp;
  }

  /**
   * Returns the settings client of a logged-in (or lazily logging-in) SPP client.
   *
   * @param spp the client
   * @return the settings client
   */
  public static ApplianceSettings of(SppClient spp) {
    return new ApplianceSettings(requireNonNull(spp, "spp"));
  }

  /**
   * Returns the SPP client this one uses (e.g. for {@link SppClient#servicesConfig()}).
   *
   * @return the client
   */
  public SppClient client() {
    return spp;
  }

  // ------------------------------------------------------------------ EmailClientConfig

  /**
   * Reads the SMTP client settings ({@code GET EmailClientConfig}); needs ApplianceAdmin,
   * OperationsAdmin, SystemAuditor or Auditor. The write-only {@code ServiceAccountPassword} is
   * never returned.
   *
   * @return the {@code EmailClientConfig}
   */
  public SettingsResource emailClientConfig() {
    return object("EmailClientConfig", get("EmailClientConfig"));
  }

  /**
   * Writes the SMTP client settings ({@code PUT EmailClientConfig}); needs ApplianceAdmin. An empty
   * {@code ServerAddress} disables email.
   *
   * @param config an {@code EmailClientConfig}
   * @return the settings as stored
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource updateEmailClientConfig(JsonNode config) {
    return object(
        "EmailClientConfig",
        send("PUT", "EmailClientConfig", body("EmailClientConfig", config), true));
  }

  /**
   * Sends a test email with the given SMTP settings ({@code POST EmailClientConfig/SendTestEmail},
   * a {@code TestEmailClientConfig}: {@code ToEmail}, {@code ServerAddress}, {@code SenderEmail}
   * required). The appliance answers 204, or 502 when delivery failed and 400 60113 when the relay
   * configuration failed.
   *
   * @param test the {@code TestEmailClientConfig}
   * @throws ValidationException if the body breaks the schema
   */
  public void sendTestEmail(JsonNode test) {
    send("POST", "EmailClientConfig/SendTestEmail", body("TestEmailClientConfig", test), false);
  }

  // ------------------------------------------------------------------ EmailTemplates

  /**
   * Lists the email templates ({@code GET EmailTemplates}), one per event.
   *
   * @return the {@code EmailTemplate}s; {@code EventName} identifies each
   */
  public List<SettingsResource> emailTemplates() {
    return list("EmailTemplate", get("EmailTemplates"));
  }

  /**
   * Reads one event's template ({@code GET EmailTemplates/{id}}, the id being the event name).
   *
   * @param eventName an {@code EventName}, e.g. {@code UserLockedOut}
   * @return the template
   */
  public SettingsResource emailTemplate(String eventName) {
    return object("EmailTemplate", get(templatePath(eventName, "")));
  }

  /**
   * Writes one event's template ({@code PUT EmailTemplates/{id}}).
   *
   * @param eventName the event
   * @param template an {@code EmailTemplate} ({@code SubjectTemplate} and {@code BodyTemplate}
   *     required)
   * @return the template as stored ({@code IsModified} true)
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource updateEmailTemplate(String eventName, JsonNode template) {
    return object(
        "EmailTemplate",
        send("PUT", templatePath(eventName, ""), body("EmailTemplate", template), true));
  }

  /**
   * Resets one event's template to the appliance's default ({@code DELETE EmailTemplates/{id}},
   * which answers the template; that it is the default is [I]).
   *
   * @param eventName the event
   * @return the template now in effect
   */
  public SettingsResource resetEmailTemplate(String eventName) {
    return object("EmailTemplate", send("DELETE", templatePath(eventName, ""), null, false));
  }

  /**
   * Renders one event's template with sample data ({@code POST
   * EmailTemplates/{id}/RenderTestEmail}).
   *
   * @param eventName the event
   * @return the rendered template: {@code SubjectTemplate} and {@code BodyTemplate} hold the text
   */
  public SettingsResource renderTestEmail(String eventName) {
    return object(
        "EmailTemplate", send("POST", templatePath(eventName, "/RenderTestEmail"), null, false));
  }

  /**
   * Sends a sample notification of one event's template ({@code POST
   * EmailTemplates/{id}/SendTestEmail}, body the address as a JSON string). Errors: 400 60223 bad
   * address, 60010 email client not configured, 60005 delivery failed.
   *
   * @param eventName the event
   * @param toEmail where to send it
   * @return the template used
   */
  public SettingsResource sendTemplateTestEmail(String eventName, String toEmail) {
    requireNonNull(toEmail, "toEmail");
    if (toEmail.isBlank()) {
      throw new IllegalArgumentException("toEmail is blank");
    }
    return object(
        "EmailTemplate",
        send(
            "POST",
            templatePath(eventName, "/SendTestEmail"),
            Json.mapper().getNodeFactory().textNode(toEmail),
            false));
  }

  private static String templatePath(String eventName, String suffix) {
    return "EmailTemplates/" + ApplianceHttp.segment("eventName", eventName) + suffix;
  }

  // ------------------------------------------------------------------ EventSubscribers

  /**
   * Lists the event subscribers ({@code GET EventSubscribers}).
   *
   * @return the {@code EventSubscriber}s the user may see
   */
  public List<SettingsResource> eventSubscribers() {
    return list("EventSubscriber", get("EventSubscribers"));
  }

  /**
   * Reads one subscriber ({@code GET EventSubscribers/{id}}).
   *
   * @param id its {@code Id}
   * @return the subscriber
   */
  public SettingsResource eventSubscriber(int id) {
    return object("EventSubscriber", get("EventSubscribers/" + id));
  }

  /**
   * Creates a subscriber ({@code POST EventSubscribers}, 201).
   *
   * @param subscriber an {@code EventSubscriber} ({@code Type} required); {@code Subscriptions} may
   *     be given as {@code [{"Name": "UserLockedOut"}]}
   * @return the subscriber as stored, with its {@code Id}
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource createEventSubscriber(JsonNode subscriber) {
    return object(
        "EventSubscriber",
        send("POST", "EventSubscribers", body("EventSubscriber", subscriber), false));
  }

  /**
   * Replaces a subscriber ({@code PUT EventSubscribers/{id}}).
   *
   * @param id its {@code Id}
   * @param subscriber the new {@code EventSubscriber}
   * @return the subscriber as stored
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource updateEventSubscriber(int id, JsonNode subscriber) {
    return object(
        "EventSubscriber",
        send("PUT", "EventSubscribers/" + id, body("EventSubscriber", subscriber), true));
  }

  /**
   * Deletes a subscriber ({@code DELETE EventSubscribers/{id}}, 204). Not retried.
   *
   * @param id its {@code Id}
   */
  public void deleteEventSubscriber(int id) {
    send("DELETE", "EventSubscribers/" + id, null, false);
  }

  /**
   * Lists a subscriber's subscriptions ({@code GET EventSubscribers/{id}/Subscriptions}).
   *
   * @param id the subscriber's {@code Id}
   * @return the event names, in the appliance's order
   */
  public List<String> subscriptions(int id) {
    return names(get("EventSubscribers/" + id + "/Subscriptions"));
  }

  /**
   * Replaces a subscriber's subscriptions ({@code PUT EventSubscribers/{id}/Subscriptions}, an
   * array of {@code Event}s {@code {"Name": ...}}).
   *
   * @param id the subscriber's {@code Id}
   * @param eventNames the events
   * @return the subscriptions as stored
   * @throws ValidationException if a name is not an {@code EventName}
   */
  public List<String> setSubscriptions(int id, List<String> eventNames) {
    return names(
        send("PUT", "EventSubscribers/" + id + "/Subscriptions", events(eventNames), true));
  }

  /**
   * Adds subscriptions ({@code POST EventSubscribers/{id}/Subscriptions/Add}).
   *
   * @param id the subscriber's {@code Id}
   * @param eventNames the events to add
   * @return the subscriptions as stored
   */
  public List<String> addSubscriptions(int id, List<String> eventNames) {
    return names(
        send("POST", "EventSubscribers/" + id + "/Subscriptions/Add", events(eventNames), false));
  }

  /**
   * Removes subscriptions ({@code POST EventSubscribers/{id}/Subscriptions/Remove}).
   *
   * @param id the subscriber's {@code Id}
   * @param eventNames the events to remove
   * @return the subscriptions as stored
   */
  public List<String> removeSubscriptions(int id, List<String> eventNames) {
    return names(
        send(
            "POST", "EventSubscribers/" + id + "/Subscriptions/Remove", events(eventNames), false));
  }

  private static JsonNode events(List<String> eventNames) {
    requireNonNull(eventNames, "eventNames");
    ArrayNode a = Json.mapper().createArrayNode();
    eventNames.forEach(n -> a.addObject().put("Name", requireNonNull(n, "eventNames entry")));
    List<Violation> v = SchemaValidator.settings().validateArray("Event", a);
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    return a;
  }

  private static List<String> names(byte[] body) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : tree(body, "the subscriptions")) {
      out.add(n.isTextual() ? n.asText() : n.path("Name").asText());
    }
    return out;
  }

  // ------------------------------------------------------------------ SyslogServers

  /**
   * Lists the syslog servers ({@code GET SyslogServers}).
   *
   * @return the {@code SyslogServer}s
   */
  public List<SettingsResource> syslogServers() {
    return list("SyslogServer", get("SyslogServers"));
  }

  /**
   * Reads one syslog server ({@code GET SyslogServers/{id}}).
   *
   * @param id its {@code Id}
   * @return the server
   */
  public SettingsResource syslogServer(int id) {
    return object("SyslogServer", get("SyslogServers/" + id));
  }

  /**
   * Creates a syslog server ({@code POST SyslogServers}, 201); needs ApplianceAdmin.
   *
   * @param server a {@code SyslogServer} ({@code Name} and {@code NetworkAddress} required)
   * @return the server as stored, with its {@code Id}
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource createSyslogServer(JsonNode server) {
    return object(
        "SyslogServer", send("POST", "SyslogServers", body("SyslogServer", server), false));
  }

  /**
   * Replaces a syslog server ({@code PUT SyslogServers/{id}}); needs ApplianceAdmin.
   *
   * @param id its {@code Id}
   * @param server the new {@code SyslogServer}
   * @return the server as stored
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource updateSyslogServer(int id, JsonNode server) {
    return object(
        "SyslogServer", send("PUT", "SyslogServers/" + id, body("SyslogServer", server), true));
  }

  /**
   * Deletes a syslog server ({@code DELETE SyslogServers/{id}}, 204). A server subscribers still
   * use is refused (400 50104) unless {@code force}. Not retried.
   *
   * @param id its {@code Id}
   * @param force send {@code forceDelete=true}
   */
  public void deleteSyslogServer(int id, boolean force) {
    spp.coreRequest(
        "DELETE",
        "SyslogServers/" + id,
        force ? Map.of("forceDelete", "true") : Map.of(),
        null,
        false);
  }

  // ------------------------------------------------------------------ TicketSystems

  /**
   * Lists the ticket systems ({@code GET TicketSystems}).
   *
   * @return the {@code TicketSystem}s; their {@code Password} and secrets are never returned
   */
  public List<SettingsResource> ticketSystems() {
    return list("TicketSystem", get("TicketSystems"));
  }

  /**
   * Reads one ticket system ({@code GET TicketSystems/{id}}).
   *
   * @param id its {@code Id}
   * @return the ticket system
   */
  public SettingsResource ticketSystem(int id) {
    return object("TicketSystem", get("TicketSystems/" + id));
  }

  /**
   * Creates a ticket system ({@code POST TicketSystems}, 201); needs ApplianceAdmin.
   *
   * @param ticketSystem a {@code TicketSystem} ({@code Name}, {@code TicketSystemType} required)
   * @return the ticket system as stored
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource createTicketSystem(JsonNode ticketSystem) {
    return object(
        "TicketSystem", send("POST", "TicketSystems", body("TicketSystem", ticketSystem), false));
  }

  /**
   * Replaces a ticket system ({@code PUT TicketSystems/{id}}).
   *
   * @param id its {@code Id}
   * @param ticketSystem the new {@code TicketSystem}
   * @return the ticket system as stored
   * @throws ValidationException if the body breaks the schema
   */
  public SettingsResource updateTicketSystem(int id, JsonNode ticketSystem) {
    return object(
        "TicketSystem",
        send("PUT", "TicketSystems/" + id, body("TicketSystem", ticketSystem), true));
  }

  /**
   * Deletes a ticket system ({@code DELETE TicketSystems/{id}}, 204). Not retried.
   *
   * @param id its {@code Id}
   */
  public void deleteTicketSystem(int id) {
    send("DELETE", "TicketSystems/" + id, null, false);
  }

  /**
   * Tests a stored ticket system's connection ({@code POST TicketSystems/{id}/TestConnection},
   * 204).
   *
   * @param id its {@code Id}
   */
  public void testTicketSystem(int id) {
    send("POST", "TicketSystems/" + id + "/TestConnection", null, false);
  }

  // ------------------------------------------------------------------ plumbing

  private byte[] get(String path) {
    return spp.coreRequest("GET", path, Map.of(), null, true);
  }

  private byte[] send(String method, String path, @Nullable JsonNode body, boolean idempotent) {
    return spp.coreRequest(method, path, Map.of(), body, idempotent);
  }

  private static JsonNode body(String schema, JsonNode value) {
    requireNonNull(value, schema);
    List<Violation> v = SchemaValidator.settings().validate(schema, value);
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    return value;
  }

  private static JsonNode tree(byte[] body, String what) {
    try {
      JsonNode n = Json.mapper().readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new IOException("empty body");
      }
      return n;
    } catch (IOException e) {
      throw ApplianceErrorException.unreadable(what, e);
    }
  }

  private static SettingsResource object(String schema, byte[] body) {
    JsonNode n = tree(body, "a " + schema);
    if (!n.isObject()) {
      throw ApplianceErrorException.unreadable("a " + schema + " object", null);
    }
    return SettingsResource.of(schema, n);
  }

  private static List<SettingsResource> list(String schema, byte[] body) {
    JsonNode n = tree(body, "a list of " + schema);
    if (!n.isArray()) {
      throw ApplianceErrorException.unreadable("a list of " + schema, null);
    }
    List<SettingsResource> out = new ArrayList<>();
    n.forEach(e -> out.add(SettingsResource.of(schema, e)));
    return List.copyOf(out);
  }
}
