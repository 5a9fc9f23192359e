/**
 * The JSON configuration document that describes a whole integration. Entry point: {@link
 * io.pamkit.core.config.PamkitConfig#read(java.nio.file.Path)} (or {@code parse}), which reports
 * every problem at once, by JSON path, in a {@link io.pamkit.core.config.ConfigurationException}.
 * Each part is an immutable class with a builder: {@link io.pamkit.core.config.EmailClientConfig},
 * the {@link io.pamkit.core.config.EmailProvider} chain, {@link
 * io.pamkit.core.config.SyslogServer}, {@link io.pamkit.core.config.SnmpDestination}, {@link
 * io.pamkit.core.config.EmailTemplate} and {@link io.pamkit.core.config.ServicesConfig};
 * subscribers are {@link io.pamkit.core.subscription.Subscriber}s. docs/configuration.md
 * documents every field.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.config;

import org.jspecify.annotations.NullMarked;
