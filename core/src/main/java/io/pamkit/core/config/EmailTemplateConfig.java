// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.EmailAddress;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code EmailTemplate}: the subject and body of the email sent for an event, with
 * Mustache-style tags ({@code {{AssetName}}}) for the event's properties, plus pamkit's optional
 * {@code Name}, by which a subscriber's {@code Template} refers to it.
 *
 * <p>Rules (the schema's): {@code SubjectTemplate} 1 to 1024 characters, without CR or LF; {@code
 * BodyTemplate} 1 to 14500 characters; {@code ReplyToEmail} an RFC 5322 mailbox of at most 512
 * characters; {@code EventName} a name of the event catalog. At least one of {@code EventName} and
 * {@code Name} is given. The read-only {@code IsModified} and {@code Event} are accepted when
 * reading and ignored.
 *
 * <p>This is the template as the configuration document stores it: plain text, checked only against
 * the schema's limits. pamkit-notify's {@code io.pamkit.notify.template.EmailTemplate} is the form
 * that renders: {@code ConfiguredTransports.templates} turns each entry into one, checking the tags
 * against the event catalog.
 *
 * <p>Immutable and thread-safe; built with {@link #builder(String, String)}.
 */
public final class EmailTemplateConfig {
  private final @Nullable String name;
  private final @Nullable String eventName;
  private final @Nullable EmailAddress replyToEmail;
  private final String subjectTemplate;
  private final String bodyTemplate;

  private EmailTemplateConfig(Builder b) {
    this.name = b.name;
    this.eventName = b.eventName;
    this.replyToEmail = b.replyToEmail;
    this.subjectTemplate = b.subjectTemplate;
    this.bodyTemplate = b.bodyTemplate;
  }

  /**
   * Starts a builder.
   *
   * @param subjectTemplate {@code SubjectTemplate}: 1 to 1024 characters, no CR or LF
   * @param bodyTemplate {@code BodyTemplate}: 1 to 14500 characters; line breaks and tabs are
   *     allowed, other control characters are not
   * @return a new builder
   * @throws ValidationException if either breaks its rule
   */
  public static Builder builder(String subjectTemplate, String bodyTemplate) {
    return new Builder(subjectTemplate, bodyTemplate);
  }

  /**
   * Returns a builder holding these values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(subjectTemplate, bodyTemplate);
    b.name = name;
    b.eventName = eventName;
    b.replyToEmail = replyToEmail;
    return b;
  }

  /**
   * @return pamkit's {@code Name}, if given
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * @return {@code EventName}: the event the template is for, if given
   */
  public Optional<String> eventName() {
    return Optional.ofNullable(eventName);
  }

  /**
   * @return {@code ReplyToEmail}, if given
   */
  public Optional<EmailAddress> replyToEmail() {
    return Optional.ofNullable(replyToEmail);
  }

  /**
   * @return {@code SubjectTemplate}
   */
  public String subjectTemplate() {
    return subjectTemplate;
  }

  /**
   * @return {@code BodyTemplate}
   */
  public String bodyTemplate() {
    return bodyTemplate;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EmailTemplateConfig t)) {
      return false;
    }
    return Objects.equals(name, t.name)
        && Objects.equals(eventName, t.eventName)
        && Objects.equals(replyToEmail, t.replyToEmail)
        && subjectTemplate.equals(t.subjectTemplate)
        && bodyTemplate.equals(t.bodyTemplate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, eventName, subjectTemplate);
  }

  @Override
  public String toString() {
    return "EmailTemplateConfig{"
        + (name != null ? name : "")
        + (eventName != null ? " for " + eventName : "")
        + ", subject="
        + subjectTemplate
        + "}";
  }

  /** Builds {@link EmailTemplateConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String eventName;
    private @Nullable EmailAddress replyToEmail;
    private final String subjectTemplate;
    private final String bodyTemplate;

    private Builder(String subjectTemplate, String bodyTemplate) {
      Checks.required("SubjectTemplate", subjectTemplate, 1, 1024);
      if (bodyTemplate == null) {
        throw new ValidationException("BodyTemplate", "is required");
      }
      Checks.text("BodyTemplate", bodyTemplate, 1, 14500, true);
      int crlf =
          subjectTemplate.indexOf('\r') >= 0
              ? subjectTemplate.indexOf('\r')
              : subjectTemplate.indexOf('\n');
      if (crlf >= 0) {
        throw new ValidationException(
            "SubjectTemplate",
            "contains a line break at index " + crlf + "; a subject is one line");
      }
      this.subjectTemplate = subjectTemplate;
      this.bodyTemplate = bodyTemplate;
    }

    /**
     * Sets pamkit's {@code Name}. Default: none.
     *
     * @param name 1 to 255 characters, or null
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = Checks.text("Name", name, 1, 255);
      return this;
    }

    /**
     * Sets {@code EventName}. Default: none. Whether the catalog knows it is checked when the
     * configuration document is read.
     *
     * @param eventName the event name, or null
     * @return this builder
     */
    public Builder eventName(@Nullable String eventName) {
      this.eventName = Checks.text("EventName", eventName, 1, 255);
      return this;
    }

    /**
     * Sets {@code ReplyToEmail}. Default: none.
     *
     * @param address an RFC 5322 mailbox of at most 512 characters, or null
     * @return this builder
     */
    public Builder replyToEmail(@Nullable String address) {
      this.replyToEmail = address == null ? null : EmailAddress.parse("ReplyToEmail", address);
      return this;
    }

    /**
     * Builds the template.
     *
     * @return the template
     * @throws ValidationException if neither {@code EventName} nor {@code Name} is given
     */
    public EmailTemplateConfig build() {
      if (name == null && eventName == null) {
        throw new ValidationException("EventName", "give EventName, Name, or both");
      }
      return new EmailTemplateConfig(this);
    }
  }
}
