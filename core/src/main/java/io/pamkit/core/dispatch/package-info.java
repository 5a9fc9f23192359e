// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The dispatch engine: routing of appliance events to subscribers, one lane per transport, retries,
 * circuit breakers, dead letters and an optional durable outbox.
 *
 * <p>The entry point is {@link io.pamkit.core.dispatch.EventDispatcher}, built with {@link
 * io.pamkit.core.dispatch.EventDispatcher#builder()}: hand it one {@link
 * io.pamkit.core.dispatch.spi.Transport} per channel (its {@code channel()} equals the subscribers'
 * {@code Type}; the dispatcher owns the transports and closes them), give the subscribers, and
 * publish {@link io.pamkit.core.event.ApplianceEvent}s ({@code publishTo} sends a test event to one
 * subscriber alone). Each lane is configured by a {@link io.pamkit.core.dispatch.LaneConfig}
 * (capacity, workers, {@link io.pamkit.core.dispatch.BackPressure}, {@link
 * io.pamkit.core.dispatch.RetryPolicy}, {@link io.pamkit.core.dispatch.CircuitBreakerConfig}).
 * Extension points: {@link io.pamkit.core.dispatch.DeadLetterSink}, {@link
 * io.pamkit.core.dispatch.Outbox}, {@link io.pamkit.core.dispatch.DispatchListener} and {@link
 * io.pamkit.core.dispatch.Scheduler}.
 *
 * <p>Every accepted notification ends delivered or dead-lettered (or, at shutdown, listed in the
 * {@link io.pamkit.core.dispatch.ShutdownReport}); a refused one is returned to the publisher in a
 * {@link io.pamkit.core.dispatch.PublishRejectedException}. Logs name notifications by idempotency
 * key, channel and event name, never by property values or secrets.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types and
 * built objects are immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link Attempt}: one failed delivery attempt, listed by a DeadLetter so users see why it
 *       was given up.
 *   <li>{@link BackPressure}: what publish does when a lane is full; users choose it in LaneConfig.
 *   <li>{@link BreakerState}: a lane's circuit-breaker state, reported to users in LaneMetrics and
 *       to DispatchListener.
 *   <li>{@link CircuitBreakerConfig}: the circuit-breaker settings users give a lane in LaneConfig.
 *   <li>{@link DeadLetter}: a notification the dispatcher gave up on; users list, inspect and
 *       re-drive them.
 *   <li>{@link DeadLetterSink}: extension point: users implement it to keep dead letters elsewhere,
 *       and read the default one from the dispatcher.
 *   <li>{@link DeliveryException}: what a transport throws for a failed delivery; transport writers
 *       throw it and users see it in dead letters.
 *   <li>{@link DeliveryReceipt}: what a transport returns for a delivered notification; transport
 *       writers create it.
 *   <li>{@link DispatchListener}: extension point: users implement it to observe deliveries,
 *       retries and dead letters without a metrics framework.
 *   <li>{@link EventDispatcher}: the entry point of the dispatch engine that users build and
 *       publish events to.
 *   <li>{@link FailureType}: why a delivery failed (retryable or not); transport writers set it on
 *       DeliveryException.
 *   <li>{@link FileOutbox}: the file-backed Outbox users pass to the dispatcher when accepted
 *       notifications must survive a restart.
 *   <li>{@link LaneConfig}: one transport lane's settings (capacity, workers, retry, breaker),
 *       given by users to the dispatcher builder.
 *   <li>{@link LaneMetrics}: a lane's counters, returned to users by EventDispatcher.metrics().
 *   <li>{@link Notification}: one event on its way to one subscriber; the value every transport is
 *       given to deliver.
 *   <li>{@link Outbox}: extension point: users implement or choose the durable record of accepted
 *       notifications.
 *   <li>{@link OutboxException}: thrown to users when the outbox cannot record or read
 *       notifications.
 *   <li>{@link PublishRejectedException}: thrown to publishers with the notifications their publish
 *       call could not queue.
 *   <li>{@link RetryPolicy}: the retry settings users give a lane in LaneConfig.
 *   <li>{@link Scheduler}: extension point: users (and pamkit-testing's ManualScheduler) supply the
 *       delay scheduler for retries.
 *   <li>{@link ShutdownReport}: what EventDispatcher.shutdown left undone, returned to users.
 *   <li>{@link DeliveryAssurance}: what a receipt says the peer confirmed (acknowledged, sent but
 *       unverified, unknown); users read it to know how sure a delivery is.
 * </ul>
 */
@NullMarked
package io.pamkit.core.dispatch;

import org.jspecify.annotations.NullMarked;
