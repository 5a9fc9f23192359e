// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EmailTemplatesTest {
  private static final ApplianceEvent EVENT =
      ApplianceEvent.builder("PasswordChangeFailed")
          .id("ev-9")
          .time(Instant.parse("2026-11-23T10:00:00Z"))
          .applianceId("SPP-1")
          .level(EventLevel.ERROR)
          .object("Asset", "42")
          .property("AssetName", "dc01.example.com")
          .property("AccountName", "svc")
          .build();

  @Test
  void defaults_everyCatalogEventHasARenderableTemplate() {
    EmailTemplates d = EmailTemplates.defaults();
    EventCatalog catalog = EventCatalog.defaults();
    assertTrue(catalog.size() > 600);
    for (String name : catalog.names()) {
      EmailTemplate t = d.template(name).orElseThrow(() -> new AssertionError(name));
      assertEquals(name, t.name());
      RenderedEmail r = d.renderTest(name);
      assertTrue(r.subject().contains(name), r.subject());
      assertFalse(d.isCustom(name));
    }
    assertTrue(d.template("NoSuchEvent").isEmpty());
  }

  @Test
  void render_default_listsCommonFieldsAndProperties() {
    RenderedEmail r = EmailTemplates.defaults().render(EVENT, null);
    assertEquals("[Error] PasswordChangeFailed", r.subject());
    assertEquals(BodyFormat.TEXT, r.format());
    assertTrue(r.body().contains("Time:      2026-11-23T10:00:00Z"), r.body());
    assertTrue(r.body().contains("Appliance: SPP-1"), r.body());
    assertTrue(r.body().contains("Object:    Asset 42"), r.body());
    assertTrue(r.body().contains("AccountName: svc\n"), r.body());
  }

  @Test
  void put_unknownPlaceholder_errorNamesTemplateAndPlaceholder() {
    EmailTemplate t =
        EmailTemplate.builder("PasswordChangeFailed")
            .subject("{{AssetName}} failed")
            .body("{{Nope}}")
            .build();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                EmailTemplates.builder()
                    .properties("PasswordChangeFailed", List.of("AssetName"))
                    .put(t));
    assertEquals(1, e.violations().size());
    assertEquals("EmailTemplates[PasswordChangeFailed].BodyTemplate", e.violations().get(0).path());
    assertTrue(
        e.getMessage()
            .contains("unknown placeholder {{Nope}} in template" + " 'PasswordChangeFailed'"),
        e.getMessage());
    assertThrows(ValidationException.class, () -> EmailTemplates.builder().put(t));
  }

  @Test
  void render_custom_declaredPropertiesAndMissingOnesEmpty() {
    EmailTemplates ts =
        EmailTemplates.builder()
            .properties("PasswordChangeFailed", List.of("AssetName", "AccountName", "Reason"))
            .put(
                EmailTemplate.builder("PasswordChangeFailed")
                    .subject("{{ AccountName }}@{{AssetName}} ({{Level}})")
                    .body("Reason: [{{Reason}}]{{! a comment }}")
                    .replyTo("helpdesk@example.com")
                    .build())
            .build();
    RenderedEmail r = ts.render(EVENT, null);
    assertEquals("svc@dc01.example.com (Error)", r.subject());
    assertEquals("Reason: []", r.body());
    assertEquals("helpdesk@example.com", r.replyTo());
    assertTrue(ts.isCustom("PasswordChangeFailed"));
  }

  /** The template of PasswordChangeFailed, whose event carries the property AssetName. */
  private static EmailTemplates withAssetName(EmailTemplate.Builder template) {
    return EmailTemplates.builder()
        .properties("PasswordChangeFailed", List.of("AssetName"))
        .put(template.build())
        .build();
  }

  @Test
  void render_html_escapesEveryValue() {
    EmailTemplates ts =
        withAssetName(
            EmailTemplate.builder("PasswordChangeFailed")
                .format(BodyFormat.HTML)
                .subject("x")
                .body("<b>{{AssetName}}</b>"));
    ApplianceEvent evil =
        EVENT.toBuilder().property("AssetName", "<img src=x onerror=\"alert('1')\">&").build();
    assertEquals(
        "<b>&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</b>",
        ts.render(evil, null).body());
  }

  @Test
  void render_subjectValueWithNewlines_keptOnOneLine() {
    EmailTemplates ts =
        withAssetName(
            EmailTemplate.builder("PasswordChangeFailed").subject("On {{AssetName}}").body("b"));
    ApplianceEvent evil = EVENT.toBuilder().property("AssetName", "a\r\nBcc: x@evil\u2028").build();
    assertEquals("On a  Bcc: x@evil ", ts.render(evil, null).subject());
  }

  @Test
  void build_limitsAndHeaderRules_refused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> EmailTemplate.builder("Test").subject("a\r\nBcc: x@evil").body("b").build());
    assertTrue(
        e.getMessage().contains("SubjectTemplate: must not contain CR or LF"), e.getMessage());
    ValidationException limits =
        assertThrows(
            ValidationException.class,
            () ->
                EmailTemplate.builder("Test")
                    .subject("s".repeat(1025))
                    .body("b".repeat(14_501))
                    .replyTo("r@x\n")
                    .build());
    assertEquals(3, limits.violations().size(), limits.getMessage());
    assertTrue(limits.getMessage().contains("1025 characters is more than the maximum of 1024"));
    assertTrue(
        limits.getMessage().contains("14501 characters is more than the maximum of" + " 14500"));
    EmailTemplate.builder("Test").subject("s".repeat(1024)).body("b".repeat(14_500)).build();
    assertTrue(
        assertThrows(
                ValidationException.class,
                () -> EmailTemplate.builder("Test").subject("").body("b").build())
            .getMessage()
            .contains("SubjectTemplate: is required"));
  }

  @Test
  void build_unsupportedOrMalformedTags_refused() {
    for (String body :
        List.of(
            "{{{EventName}}}",
            "{{&EventName}}",
            "{{#EventName}}x{{/EventName}}",
            "{{EventName",
            "{{}}",
            "{{Event Name}}")) {
      assertThrows(
          ValidationException.class,
          () -> EmailTemplate.builder("Test").subject("s").body(body).build(),
          body);
    }
  }

  @Test
  void renderTest_sampleEventWithoutSending() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    EmailTemplates ts =
        EmailTemplates.builder()
            .clock(clock)
            .properties("AccessRequestApproved", List.of("RequesterName"))
            .build();
    RenderedEmail r =
        ts.renderTest(
            EmailTemplate.builder("AccessRequestApproved")
                .subject("Approved for {{RequesterName}}")
                .body("{{Time}} {{Category}}")
                .build());
    assertEquals("Approved for [RequesterName]", r.subject());
    assertEquals("2026-01-02T03:04:05Z AccessRequest", r.body());
    assertThrows(
        ValidationException.class,
        () ->
            ts.renderTest(
                EmailTemplate.builder("AccessRequestApproved")
                    .subject("{{Unknown}}")
                    .body("b")
                    .build()));
  }

  @Test
  void render_subscriberTemplateReference_usedOrErrorWhenMissing() {
    EmailTemplates ts =
        EmailTemplates.builder()
            .put(
                EmailTemplate.builder("short-alert")
                    .subject("{{EventName}}!")
                    .body("{{Level}}")
                    .build())
            .build();
    assertEquals("PasswordChangeFailed!", ts.render(EVENT, "short-alert").subject());
    ValidationException e =
        assertThrows(ValidationException.class, () -> ts.render(EVENT, "missing"));
    assertTrue(e.getMessage().contains("no email template named 'missing'"), e.getMessage());
  }

  @Test
  void build_controlCharacterInSubject_refusedNotFailingAtRender() {
    // Found by EmailTemplateFuzzTest: the template was accepted and every render then failed.
    io.pamkit.core.ValidationException e =
        assertThrows(
            io.pamkit.core.ValidationException.class,
            () ->
                EmailTemplate.builder("AccessRequestApproved")
                    .subject("Access\u0000{{EventName}}")
                    .body("b")
                    .build());
    assertTrue(
        e.getMessage().contains("SubjectTemplate: must not contain CR or LF"), e.getMessage());
  }
}
