// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pamkit.core.ValidationException;
import io.pamkit.core.event.ApplianceEvent;

/**
 * Coverage-guided fuzzing of email templates: any subject and body either build and render, or are
 * refused with a {@link ValidationException}; a rendered subject never holds a control character
 * and an HTML body never carries an event value's markup. In {@code mvn verify} it replays the
 * saved corpus ({@code EmailTemplateFuzzTestInputs}); fuzz for longer with {@code JAZZER_FUZZ=1 mvn
 * -pl notify -am verify -Dtest=EmailTemplateFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.max_duration=10m}.
 */
final class EmailTemplateFuzzTest {
  private static final String EVIL = "<script>alert(1)</script>\r\nBcc: x@evil.example";

  @FuzzTest
  void render(FuzzedDataProvider data) {
    BodyFormat format = data.consumeBoolean() ? BodyFormat.HTML : BodyFormat.TEXT;
    String subject = data.consumeString(1100);
    String body = data.consumeRemainingAsString();
    EmailTemplates templates;
    try {
      EmailTemplate t =
          EmailTemplate.builder("AccessRequestApproved")
              .subject(subject)
              .body(body)
              .format(format)
              .build();
      templates = EmailTemplates.builder().put(t).build();
    } catch (ValidationException refused) {
      return;
    }
    ApplianceEvent event =
        ApplianceEvent.builder("AccessRequestApproved")
            .applianceId("SPP-1")
            .property("RequesterUsername", EVIL)
            .property("AccountName", EVIL)
            .property("Comment", EVIL)
            .build();
    RenderedEmail email = templates.render(event, null);
    assertFalse(email.subject().chars().anyMatch(Character::isISOControl), email.subject());
    if (format == BodyFormat.HTML && !body.contains("<script>")) {
      assertFalse(email.body().contains("<script>"), email.body());
    }
  }
}
