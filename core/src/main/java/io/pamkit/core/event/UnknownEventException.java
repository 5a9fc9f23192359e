// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.internal.DidYouMean;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An event name the {@link EventCatalog} does not know: in a subscriber's {@code Subscriptions},
 * given to {@link ApplianceEvent#builder(String)}, or on the command line. The message names the
 * field, the unknown name and, when the catalog has a close match (compared case-insensitively, by
 * edit distance), suggests it: {@code EventName: 'PasswordChangeFialed' is not an event name the
 * catalog knows; did you mean 'PasswordChangeFailed'?}. Add the name to the catalog (see {@link
 * EventCatalog#toBuilder()}) if it is a user-defined event.
 */
public final class UnknownEventException extends ValidationException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The unknown event name. */
  private final String eventName;

  /** The closest known name, or null. */
  private final @Nullable String suggestion;

  /**
   * Creates the exception without a suggestion.
   *
   * @param field the field that held the name, e.g. {@code "Subscriptions"}
   * @param eventName the unknown name
   */
  public UnknownEventException(String field, String eventName) {
    this(field, eventName, (String) null);
  }

  /**
   * Creates the exception with the catalog's closest name as the suggestion, if one is close.
   *
   * @param field the field that held the name, e.g. {@code "Subscriptions"}
   * @param eventName the unknown name
   * @param catalog the catalog the name was looked up in
   */
  public UnknownEventException(String field, String eventName, EventCatalog catalog) {
    this(
        field,
        eventName,
        DidYouMean.closest(eventName, requireNonNull(catalog, "catalog").names()).orElse(null));
  }

  private UnknownEventException(String field, String eventName, @Nullable String suggestion) {
    super(
        requireNonNull(field, "field"),
        "'"
            + requireNonNull(eventName, "eventName")
            + "' is not an event name the catalog knows"
            + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
    this.eventName = eventName;
    this.suggestion = suggestion;
  }

  /**
   * Returns the unknown event name.
   *
   * @return the name as given
   */
  public String eventName() {
    return eventName;
  }

  /**
   * Returns the known event name closest to the unknown one.
   *
   * @return the suggestion, or empty when no known name is close or none was looked for
   */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }
}
