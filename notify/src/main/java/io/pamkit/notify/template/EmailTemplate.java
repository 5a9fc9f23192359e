// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code EmailTemplate}: a subject line ({@code SubjectTemplate}, at most 1,024
 * characters, no CR or LF) and a body ({@code BodyTemplate}, at most 14,500 characters) with
 * Mustache-style {@code {{Placeholder}}} tags, a body format, and an optional {@code ReplyToEmail}.
 * Its name is the event name it applies to, or the name of a shared template that subscribers
 * reference.
 *
 * <p>Building checks the syntax and the limits; whether each placeholder is known is checked when
 * the template is loaded into {@link EmailTemplates}. Immutable and thread-safe.
 */
public final class EmailTemplate {
  private final String name;
  private final String subject;
  private final String body;
  private final BodyFormat format;
  private final @Nullable String replyTo;
  private final TemplateText subjectText;
  private final TemplateText bodyText;

  private EmailTemplate(Builder b, TemplateText subjectText, TemplateText bodyText) {
    this.name = b.name;
    this.subject = b.subject;
    this.body = b.body;
    this.format = b.format;
    this.replyTo = b.replyTo;
    this.subjectText = subjectText;
    this.bodyText = bodyText;
  }

  /**
   * Starts a builder.
   *
   * @param name the event name the template applies to (e.g. {@code "AccessRequestApproved"}), or a
   *     shared template's name; letters, digits, {@code _}, {@code -} and {@code .}
   * @return a new builder
   * @throws IllegalArgumentException if the name is blank or has other characters
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns a builder holding this template's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.subject = subject;
    b.body = body;
    b.format = format;
    b.replyTo = replyTo;
    return b;
  }

  /**
   * @return the template's name: an event name or a shared template's name
   */
  public String name() {
    return name;
  }

  /**
   * @return {@code SubjectTemplate}
   */
  public String subject() {
    return subject;
  }

  /**
   * @return {@code BodyTemplate}
   */
  public String body() {
    return body;
  }

  /**
   * @return the body format; {@link BodyFormat#TEXT} unless set
   */
  public BodyFormat format() {
    return format;
  }

  /**
   * @return {@code ReplyToEmail}, if set
   */
  public Optional<String> replyTo() {
    return Optional.ofNullable(replyTo);
  }

  /**
   * Returns every placeholder the subject and body use.
   *
   * @return the names, subject's first, in order of first use
   */
  public Set<String> placeholders() {
    Set<String> s = new LinkedHashSet<>(subjectText.placeholders());
    s.addAll(bodyText.placeholders());
    return Collections.unmodifiableSet(s);
  }

  TemplateText subjectText() {
    return subjectText;
  }

  TemplateText bodyText() {
    return bodyText;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EmailTemplate t)) {
      return false;
    }
    return name.equals(t.name)
        && subject.equals(t.subject)
        && body.equals(t.body)
        && format == t.format
        && Objects.equals(replyTo, t.replyTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, subject, body, format, replyTo);
  }

  @Override
  public String toString() {
    return "EmailTemplate{" + name + ", " + format + ", subject=" + subject + "}";
  }

  /** Builds {@link EmailTemplate}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final String name;
    private String subject = "";
    private String body = "";
    private BodyFormat format = BodyFormat.TEXT;
    private @Nullable String replyTo;

    private Builder(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()
          || !name.chars()
              .allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        throw new IllegalArgumentException(
            "template name '" + name + "' must be letters, digits, '_', '-' and '.'");
      }
      this.name = name;
    }

    /**
     * Sets {@code SubjectTemplate}. Required.
     *
     * @param subject 1 to 1,024 characters, no CR or LF
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = requireNonNull(subject, "SubjectTemplate");
      return this;
    }

    /**
     * Sets {@code BodyTemplate}. Required.
     *
     * @param body 1 to 14,500 characters
     * @return this builder
     */
    public Builder body(String body) {
      this.body = requireNonNull(body, "BodyTemplate");
      return this;
    }

    /**
     * Sets the body format. Default: {@link BodyFormat#TEXT}.
     *
     * @param format plain text or HTML
     * @return this builder
     */
    public Builder format(BodyFormat format) {
      this.format = requireNonNull(format, "format");
      return this;
    }

    /**
     * Sets {@code ReplyToEmail}. Default: none.
     *
     * @param replyTo at most 512 characters, no CR or LF, or null
     * @return this builder
     */
    public Builder replyTo(@Nullable String replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    /**
     * Builds the template.
     *
     * @return the template
     * @throws ValidationException naming the template and field of every broken rule: a missing or
     *     too long subject or body, CR, LF or another control character in the subject or reply-to,
     *     a malformed tag
     */
    public EmailTemplate build() {
      String path = "EmailTemplates[" + name + "]";
      List<Violation> v = new ArrayList<>();
      if (subject.isEmpty()) {
        v.add(new Violation(path + ".SubjectTemplate", "is required"));
      } else if (subject.length() > 1024) {
        v.add(
            new Violation(
                path + ".SubjectTemplate",
                subject.length() + " characters is more than the maximum of 1024"));
      }
      if (subject.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
        v.add(
            new Violation(
                path + ".SubjectTemplate",
                "must not contain CR or LF or other control characters (a subject is a single header"
                    + " line)"));
      }
      if (body.isEmpty()) {
        v.add(new Violation(path + ".BodyTemplate", "is required"));
      } else if (body.length() > 14_500) {
        v.add(
            new Violation(
                path + ".BodyTemplate",
                body.length() + " characters is more than the maximum of 14500"));
      }
      if (replyTo != null) {
        if (replyTo.length() > 512) {
          v.add(
              new Violation(
                  path + ".ReplyToEmail",
                  replyTo.length() + " characters is more than the maximum of 512"));
        }
        if (replyTo.chars().anyMatch(Character::isISOControl)) {
          v.add(
              new Violation(
                  path + ".ReplyToEmail",
                  "must not contain CR, LF or other control" + " characters"));
        }
      }
      TemplateText s = null;
      TemplateText b = null;
      try {
        s = TemplateText.parse(subject, path + ".SubjectTemplate");
      } catch (ValidationException e) {
        v.addAll(e.violations());
      }
      try {
        b = TemplateText.parse(body, path + ".BodyTemplate");
      } catch (ValidationException e) {
        v.addAll(e.violations());
      }
      if (!v.isEmpty() || s == null || b == null) {
        throw new ValidationException(v);
      }
      return new EmailTemplate(this, s, b);
    }
  }
}
