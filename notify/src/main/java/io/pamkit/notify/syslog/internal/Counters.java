// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind a syslog transport's metrics. Thread-safe. */
public final class Counters {
  /** Messages handed to the network. */
  public final LongAdder sent = new LongAdder();

  /** Messages cut to the size limit (at a UTF-8 character boundary). */
  public final LongAdder truncated = new LongAdder();

  /** Delimiter bytes escaped inside messages sent with a character framing. */
  public final LongAdder delimitersEscaped = new LongAdder();

  /** TCP or TLS connections opened. */
  public final LongAdder connectionsOpened = new LongAdder();

  /** Open connections found closed or broken by the peer. */
  public final LongAdder connectionsLost = new LongAdder();

  /** Connection attempts that failed. */
  public final LongAdder connectFailures = new LongAdder();

  /** Messages written again, whole, on a new connection after a failed write or a lost one. */
  public final LongAdder resent = new LongAdder();
}
