// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pamkit.core.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A {@link SyslogIdentity} keeps the rules of the same fields of a subscriber's properties. */
final class SyslogIdentityTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HostName|bad host|must be printable US-ASCII without spaces (RFC 5424); found U+0020 at"
            + " index 3",
        "AppName|''|is 0 characters long; 1 to 48 are allowed",
        "DeviceVendor|One\u0007Identity|contains the control character U+0007 at index 3",
        "DeviceProduct|''|is empty; at least 1 character is required",
        "DeviceVersion|7\t5|contains the control character U+0009 at index 1"
      })
  void new_badPart_validationExceptionNamesFieldProblemAndRule(
      String field, String value, String problem) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                new SyslogIdentity(
                    field.equals("HostName") ? value : null,
                    field.equals("AppName") ? value : null,
                    null,
                    field.equals("DeviceVendor") ? value : null,
                    field.equals("DeviceProduct") ? value : null,
                    field.equals("DeviceVersion") ? value : null));
    assertEquals(1, e.violations().size(), e.getMessage());
    assertEquals(field, e.violations().get(0).path());
    assertEquals(problem, e.violations().get(0).message());
  }

  @ParameterizedTest
  @CsvSource({"spp-1.example.com,pamkit,One Identity,Safeguard,7.5", ",,,,"})
  void new_goodOrMissingParts_kept(
      String host, String app, String vendor, String product, String version) {
    SyslogIdentity id = new SyslogIdentity(host, app, true, vendor, product, version);
    assertEquals(host, id.hostName());
    assertEquals(app, id.appName());
    assertEquals(vendor, id.deviceVendor());
    assertEquals(product, id.deviceProduct());
    assertEquals(version, id.deviceVersion());
  }
}
