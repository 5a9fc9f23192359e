// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * pamkit core: appliance events and their catalog, subscribers, the dispatch engine, the
 * service-toggle policy engine, trusted servers, certificates, secrets and the configuration
 * document.
 */
@SuppressWarnings("module")
module io.pamkit.core {
  requires transitive org.slf4j;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.bouncycastle.provider;
  requires transitive org.bouncycastle.pkix;
  requires static transitive org.jspecify;
  requires com.google.common;
  requires java.net.http; // io.pamkit.core.internal.BoundedBody, for notify and sessionlink

  exports io.pamkit.core;
  exports io.pamkit.core.event;
  exports io.pamkit.core.subscription;
  exports io.pamkit.core.dispatch;
  exports io.pamkit.core.dispatch.spi;
  exports io.pamkit.core.journal;
  exports io.pamkit.core.policy;
  exports io.pamkit.core.cert;
  exports io.pamkit.core.net;
  exports io.pamkit.core.secret;
  exports io.pamkit.core.config;
  // Helpers shared by pamkit's own modules only; no compatibility promise. The named modules are
  // not on core's module path when core compiles, so javac's "module not found" lint is
  // suppressed for this declaration (io.pamkit.simulator may not exist yet in every build).
  exports io.pamkit.core.internal to
      io.pamkit.notify,
      io.pamkit.sessionlink,
      io.pamkit.simulator,
      io.pamkit.testing;

  uses io.pamkit.core.dispatch.spi.TransportProvider;

  opens io.pamkit.core.event to
      com.fasterxml.jackson.databind;
  opens io.pamkit.core.config to
      com.fasterxml.jackson.databind;
}
