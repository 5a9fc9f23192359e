/**
 * The dispatch engine: routing of appliance events to subscribers, one lane per transport,
 * retries, circuit breakers, dead letters and an optional durable outbox.
 *
 * <p>The entry point is {@link io.pamkit.core.dispatch.EventDispatcher}, built with {@link
 * io.pamkit.core.dispatch.EventDispatcher#builder()}: hand it one {@link
 * io.pamkit.core.dispatch.spi.Transport} per channel (its {@code channel()} equals the
 * subscribers' {@code Type}; the dispatcher owns the transports and closes them), give the
 * subscribers, and publish {@link io.pamkit.core.event.ApplianceEvent}s ({@code publishTo} sends
 * a test event to one subscriber alone). Each
 * lane is configured by a {@link io.pamkit.core.dispatch.LaneConfig} (capacity, workers, {@link
 * io.pamkit.core.dispatch.BackPressure}, {@link io.pamkit.core.dispatch.RetryPolicy}, {@link
 * io.pamkit.core.dispatch.CircuitBreakerConfig}). Extension points: {@link
 * io.pamkit.core.dispatch.DeadLetterSink}, {@link io.pamkit.core.dispatch.Outbox}, {@link
 * io.pamkit.core.dispatch.DispatchListener} and {@link io.pamkit.core.dispatch.Scheduler}.
 *
 * <p>Every accepted notification ends delivered or dead-lettered (or, at shutdown, listed in the
 * {@link io.pamkit.core.dispatch.ShutdownReport}); a refused one is returned to the publisher in
 * a {@link io.pamkit.core.dispatch.PublishRejectedException}. Logs name notifications by
 * idempotency key, channel and event name, never by property values or secrets.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types and
 * built objects are immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.dispatch;

import org.jspecify.annotations.NullMarked;
