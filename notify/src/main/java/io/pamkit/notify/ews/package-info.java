// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Exchange Web Services: {@link io.pamkit.notify.ews.EwsTransport} sends email with a SOAP 1.1
 * {@code CreateItem} request over java.net.http, configured by {@link
 * io.pamkit.notify.ews.EwsConfig}, created from settings by {@link
 * io.pamkit.notify.ews.EwsTransportProvider} (provider name {@code "ews"}).
 *
 * <p>Exchange Online blocks EWS from 1 October 2026 and removes it on 1 April 2027; on-premises
 * Exchange is unaffected. Use Graph or SMTP with XOAUTH2 for Microsoft 365. App-only tokens for
 * Exchange Online come from {@link io.pamkit.notify.oauth.IdentityPlatformTokenSource}.
 *
 * <p>Parameters and return values are never null unless marked. The transport and the configuration
 * are thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link EwsAuthentication}: how the EWS transport authenticates, set by users in EwsConfig.
 *   <li>{@link EwsConfig}: the EWS settings users build in code or read from the document.
 *   <li>{@link EwsTransport}: the EWS transport users build in code or get from
 *       ConfiguredTransports.
 *   <li>{@link EwsTransportProvider}: the ServiceLoader provider of the EWS transport; public
 *       because ServiceLoader instantiates it.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.ews;

import org.jspecify.annotations.NullMarked;
