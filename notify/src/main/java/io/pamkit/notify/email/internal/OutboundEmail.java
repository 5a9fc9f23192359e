// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.EmailMessageIds;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import io.pamkit.notify.template.RenderedEmail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One notification's email, ready for an HTTP email API: the recipient (the subscriber's address or
 * its user's), the subject and body rendered by {@link EmailTemplates} exactly as the SMTP
 * transport renders them, and the stable {@code Message-ID}.
 *
 * @param to the recipient address
 * @param from the sender address
 * @param email the rendered subject and body
 * @param messageId the {@code Message-ID}, with angle brackets
 * @param event the event
 * @param idempotencyKey the notification's key
 */
public record OutboundEmail(
    String to,
    String from,
    RenderedEmail email,
    String messageId,
    ApplianceEvent event,
    String idempotencyKey) {

  /** Validates the components. */
  public OutboundEmail {
    requireNonNull(to, "to");
    requireNonNull(from, "from");
    requireNonNull(email, "email");
    requireNonNull(messageId, "messageId");
    requireNonNull(event, "event");
    requireNonNull(idempotencyKey, "idempotencyKey");
  }

  /**
   * Prepares the email of a notification.
   *
   * @param transportId the id failures are reported under
   * @param n the notification
   * @param from the sender address (already checked)
   * @param templates the templates
   * @param recipients the resolver of users' addresses
   * @return the email
   * @throws DeliveryException {@code PERMANENT_MESSAGE} when the subscriber has no usable address
   *     or the template cannot be rendered; {@code TRANSIENT} when the recipient resolver fails
   */
  public static OutboundEmail prepare(
      String transportId,
      Notification n,
      String from,
      EmailTemplates templates,
      RecipientResolver recipients) {
    String to = recipient(transportId, n.subscriber(), recipients);
    RenderedEmail email;
    try {
      email = templates.render(n.event(), n.subscriber().template().orElse(null));
    } catch (ValidationException e) {
      throw new DeliveryException(
          transportId,
          FailureType.PERMANENT_MESSAGE,
          "cannot render the email: " + e.getMessage(),
          e);
    }
    if (email.replyTo() != null) {
      try {
        checkAddress("ReplyToEmail", email.replyTo());
      } catch (ValidationException e) {
        throw new DeliveryException(
            transportId,
            FailureType.PERMANENT_MESSAGE,
            "cannot build the email: " + e.getMessage(),
            e);
      }
    }
    return new OutboundEmail(
        to,
        from,
        email,
        EmailMessageIds.messageId(n.idempotencyKey(), from),
        n.event(),
        n.idempotencyKey());
  }

  private static String recipient(String transportId, Subscriber s, RecipientResolver resolver) {
    Optional<String> address = s.emailAddress();
    String source = "EmailAddress of subscriber " + s.id();
    if (address.isEmpty()) {
      Optional<Integer> user = s.userId();
      if (user.isEmpty()) {
        throw new DeliveryException(
            transportId,
            FailureType.PERMANENT_MESSAGE,
            "subscriber " + s.id() + " has neither an EmailAddress nor a UserId",
            null);
      }
      try {
        address = resolver.emailAddress(user.get());
      } catch (RuntimeException e) {
        throw new DeliveryException(
            transportId,
            FailureType.TRANSIENT,
            "the recipient resolver"
                + " failed for user "
                + user.get()
                + ": "
                + e.getClass().getSimpleName(),
            e);
      }
      if (address.isEmpty() || address.get().isBlank()) {
        throw new DeliveryException(
            transportId,
            FailureType.PERMANENT_MESSAGE,
            "user "
                + user.get()
                + " (subscriber "
                + s.id()
                + ") has no email address: set it in the"
                + " user's contact information or the directory's mail attribute",
            null);
      }
      source = "email address of user " + user.get();
    }
    try {
      return checkAddress(source, address.get());
    } catch (ValidationException e) {
      throw new DeliveryException(
          transportId, FailureType.PERMANENT_MESSAGE, "recipient refused: " + e.getMessage(), e);
    }
  }

  /**
   * Checks an address: at most 512 characters, no control character (CR, LF: header injection), one
   * RFC 822 address {@code local@domain} without a display name.
   *
   * @param path the setting or field named in the error
   * @param address the address
   * @return the address without surrounding blanks
   * @throws ValidationException naming {@code path} and the broken rule
   */
  public static String checkAddress(String path, @Nullable String address) {
    if (address == null || address.isBlank()) {
      throw new ValidationException(path, "is required");
    }
    if (address.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(
          path, "must not contain CR, LF or other control characters" + " (header injection)");
    }
    List<Violation> v = new ArrayList<>();
    if (address.length() > 512) {
      v.add(new Violation(path, address.length() + " characters is more than the maximum of 512"));
    }
    try {
      InternetAddress a = new InternetAddress(address, true);
      if (a.getAddress().indexOf('@') < 0
          || a.getPersonal() != null
          || !a.getAddress().equals(address.strip())) {
        v.add(new Violation(path, "'" + address + "' is not a single address local@domain"));
      }
    } catch (AddressException e) {
      v.add(
          new Violation(path, "'" + address + "' is not a valid email address: " + e.getMessage()));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    return address.strip();
  }

  /**
   * Makes a peer's text safe for a log line or an exception message: control characters become
   * spaces, and the text is cut to {@code max} characters.
   *
   * @param text the text, or null
   * @param max the longest result
   * @return the safe text; empty for null
   */
  public static String safe(@Nullable String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 3));
    for (int i = 0; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > max) {
      sb.append("...");
    }
    return sb.toString().strip();
  }
}
