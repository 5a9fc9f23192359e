/**
 * The wire model of the appliances' link API: records and enums that mirror the password
 * appliance's OpenAPI v4 schemas field for field, with the API's PascalCase JSON names ({@link
 * io.pamkit.sessionlink.model.SessionModuleConnection}, {@link
 * io.pamkit.sessionlink.model.SessionModuleConnectionPolicy}, {@link
 * io.pamkit.sessionlink.model.NetworkMember}, {@link io.pamkit.sessionlink.model.ManagedNetwork},
 * {@link io.pamkit.sessionlink.model.ProductVersion}, {@link
 * io.pamkit.sessionlink.model.ApplianceStatus}, {@link io.pamkit.sessionlink.model.ApiError}, ...)
 * and the session appliance's {@link io.pamkit.sessionlink.model.SpsClusterStatus}. They are public
 * because the clients in {@code io.pamkit.sessionlink} take and return them.
 *
 * <p>Absent or null wire values are {@code null}; absent lists are empty. Values are immutable and
 * thread-safe; builders are not thread-safe.
 */
@NullMarked
package io.pamkit.sessionlink.model;

import org.jspecify.annotations.NullMarked;
