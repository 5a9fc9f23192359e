// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Email templates: a subject and a body per event name with Mustache-style {@code {{Placeholder}}}
 * tags for the event's properties and common fields, a default template for every event of the
 * {@link io.pamkit.core.event.EventCatalog}, plain-text and HTML bodies, and rendering of a
 * template for a test event without sending it. Entry point: {@link
 * io.pamkit.notify.template.EmailTemplates}.
 *
 * <p>Values never break out of their place: in HTML bodies every value is escaped, and in subjects
 * control characters (CR, LF) become spaces, so a value can never add a header. Templates are
 * checked when loaded: an unknown placeholder is an error naming the template and the placeholder.
 *
 * <p>Parameters and return values are never null unless marked. Templates and template sets are
 * immutable and thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link BodyFormat}: the body format (text or HTML) users choose for a template.
 *   <li>{@link EmailTemplate}: one email template, which users build to set the subject and body of
 *       an event's email.
 *   <li>{@link EmailTemplates}: the templates in force, which users build and give to the email
 *       transports.
 *   <li>{@link RenderedEmail}: an email rendered from a template, for users who preview a template
 *       or send it themselves.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.template;

import org.jspecify.annotations.NullMarked;
