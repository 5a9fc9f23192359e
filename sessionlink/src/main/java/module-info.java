/**
 * pamkit sessionlink: the link protocol between a session appliance cluster and a password
 * appliance cluster, the rules that govern it, and a simulator of the appliance side.
 */
module io.pamkit.sessionlink {
  requires transitive io.pamkit.core;
  requires java.net.http;
  requires jdk.httpserver;
  requires static transitive org.jspecify;

  exports io.pamkit.sessionlink;
  exports io.pamkit.sessionlink.simulator;
}
