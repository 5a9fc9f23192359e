package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.notify.template.EmailTemplate;
import io.pamkit.notify.template.EmailTemplates;
import io.pamkit.notify.template.RenderedEmail;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The usage examples in notify's Javadoc, compiled and run. Each test's body between the marker
 * comments is the example its type's Javadoc shows (with the example's free variables declared
 * above it): when an example changes, change it here too.
 */
final class JavadocExamplesTest {

  /** {@link EmailTemplates}. */
  @Test
  void emailTemplates_builderExample_rendersTheCustomTemplate() {
    ApplianceEvent event = ApplianceEvent.builder("PasswordChangeFailed")
        .property("AssetName", "dc01.example.com")
        .property("AccountName", "svc-backup")
        .build();

    // example
    EmailTemplates templates = EmailTemplates.builder()
        .properties("PasswordChangeFailed", List.of("AssetName", "AccountName"))
        .put(EmailTemplate.builder("PasswordChangeFailed")
            .subject("Password change failed for {{AccountName}} on {{AssetName}}")
            .body("At {{Time}} the appliance could not change the password.")
            .build())
        .build();
    RenderedEmail email = templates.render(event, null);
    // end

    assertEquals("Password change failed for svc-backup on dc01.example.com", email.subject());
  }
}
