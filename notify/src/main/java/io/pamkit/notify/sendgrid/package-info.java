// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * SendGrid v3 Mail Send ({@code POST /v3/mail/send}) over java.net.http: {@link
 * io.pamkit.notify.sendgrid.SendGridTransport}, configured by {@link
 * io.pamkit.notify.sendgrid.SendGridConfig}, created from settings by {@link
 * io.pamkit.notify.sendgrid.SendGridTransportProvider} (provider name {@code "sendgrid"}).
 *
 * <p>Parameters and return values are never null unless marked. The transport and the configuration
 * are thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link SendGridConfig}: the SendGrid settings users build in code or read from the
 *       document.
 *   <li>{@link SendGridTransport}: the SendGrid transport users build in code or get from
 *       ConfiguredTransports.
 *   <li>{@link SendGridTransportProvider}: the ServiceLoader provider of the SendGrid transport;
 *       public because ServiceLoader instantiates it.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.sendgrid;

import org.jspecify.annotations.NullMarked;
