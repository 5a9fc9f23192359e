// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.template;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An email produced from a template, ready to send: what the appliance's RenderTestEmail returns.
 *
 * @param templateName the name of the template used (an event name, or a shared template's name)
 * @param subject the subject; never contains a control character
 * @param body the body, in {@code format}
 * @param format whether the body is plain text or HTML
 * @param replyTo the {@code Reply-To} address, or null
 */
public record RenderedEmail(
    String templateName, String subject, String body, BodyFormat format, @Nullable String replyTo) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if the subject contains a control character
   */
  public RenderedEmail {
    requireNonNull(templateName, "templateName");
    requireNonNull(subject, "subject");
    requireNonNull(body, "body");
    requireNonNull(format, "format");
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("subject must not contain control characters");
    }
  }

  /**
   * Returns the {@code Reply-To} address.
   *
   * @return the address, or empty
   */
  public Optional<String> replyToAddress() {
    return Optional.ofNullable(replyTo);
  }
}
