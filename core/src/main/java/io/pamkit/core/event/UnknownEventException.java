package io.pamkit.core.event;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;

/**
 * An event name the {@link EventCatalog} does not know, for example in a subscriber's {@code
 * Subscriptions}. The message names the field and the unknown name; add the name to the catalog
 * (see {@link EventCatalog#toBuilder()}) if it is a user-defined event.
 */
public final class UnknownEventException extends ValidationException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The unknown event name. */
  private final String eventName;

  /**
   * Creates the exception.
   *
   * @param field the field that held the name, e.g. {@code "Subscriptions"}
   * @param eventName the unknown name
   */
  public UnknownEventException(String field, String eventName) {
    super(
        requireNonNull(field, "field"),
        "'" + requireNonNull(eventName, "eventName") + "' is not an event name the catalog knows");
    this.eventName = eventName;
  }

  /**
   * Returns the unknown event name.
   *
   * @return the name as given
   */
  public String eventName() {
    return eventName;
  }
}
