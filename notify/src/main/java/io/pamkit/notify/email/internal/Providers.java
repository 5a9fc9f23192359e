// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.notify.email.EmailTransportBuilder;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What the email transport providers (SMTP, SendGrid, EWS, Graph) do the same way: build the
 * settings with each rule error named by its document field, and hand a transport builder the
 * context's extensions.
 */
public final class Providers {
  private Providers() {}

  /**
   * Builds settings from a section (after its unknown fields are reported), naming each of the
   * builder's rule errors by the document field {@code fieldName} gives for the builder's name.
   *
   * @param s the provider's entry
   * @param build builds the settings
   * @param fieldName the document field of a builder setting, e.g. {@code senderEmail} to {@code
   *     SenderEmail}
   * @param <T> the settings' type
   * @return the settings, or null when a problem was reported to the section
   */
  public static <T> @Nullable T build(
      ConfigSection s, Supplier<T> build, UnaryOperator<String> fieldName) {
    return s.build(
        () -> {
          try {
            return build.get();
          } catch (ValidationException e) {
            throw new ValidationException(
                e.violations().stream()
                    .map(v -> new Violation(fieldName.apply(v.path()), v.message()))
                    .toList());
          }
        });
  }

  /**
   * Builds settings completed from the context (in {@code create}); a rule error is reported at the
   * section's path.
   *
   * @param section the provider's entry
   * @param build builds the settings
   * @param <T> the settings' type
   * @return the settings
   * @throws ConfigurationException naming each problem by JSON path
   */
  public static <T> T buildOrThrow(ConfigSection section, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      throw new ConfigurationException(
          e.violations().stream()
              .map(v -> new Violation(section.path(v.path()), v.message()))
              .toList());
    }
  }

  /**
   * Sets the context's {@link EmailTemplates} and {@link RecipientResolver} extensions, where
   * present, on a transport builder.
   *
   * @param t the transport builder
   * @param context the context
   * @param <B> the builder's type
   * @return the builder
   */
  public static <B extends EmailTransportBuilder<B>> B extensions(B t, TransportContext context) {
    context.extension(EmailTemplates.class).ifPresent(t::templates);
    context.extension(RecipientResolver.class).ifPresent(t::recipientResolver);
    return t;
  }
}
