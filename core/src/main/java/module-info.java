/**
 * pamkit core: appliance events and their catalog, subscribers, the dispatch engine, the
 * service-toggle policy engine, trusted servers, certificates, secrets and the configuration
 * document.
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module io.pamkit.core {
  requires transitive org.slf4j;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.bouncycastle.provider;
  requires transitive org.bouncycastle.pkix;
  requires static transitive org.jspecify;
  requires com.google.common;

  exports io.pamkit.core;
  exports io.pamkit.core.event;
  exports io.pamkit.core.subscription;
  exports io.pamkit.core.dispatch;
  exports io.pamkit.core.dispatch.spi;
  exports io.pamkit.core.policy;
  exports io.pamkit.core.cert;
  exports io.pamkit.core.net;
  exports io.pamkit.core.secret;
  exports io.pamkit.core.config;
  // io.pamkit.core.internal is implementation only, exported to the sibling modules alone.
  exports io.pamkit.core.internal to io.pamkit.notify, io.pamkit.sessionlink;

  opens io.pamkit.core.event to com.fasterxml.jackson.databind;
  opens io.pamkit.core.config to com.fasterxml.jackson.databind;
}
