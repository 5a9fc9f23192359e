// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.NotFoundException;
import io.pamkit.sessionlink.NotPrimaryException;
import io.pamkit.sessionlink.RequestValidationException;
import io.pamkit.sessionlink.SessionConnectionValueException;
import io.pamkit.sessionlink.SessionLinkException;
import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ErrorMapperTest {
  private static final URI URI_ =
      URI.create("https://192.0.2.123/service/core/v3/Cluster/SessionModules");

  @ParameterizedTest(name = "{0} / HTTP {1} -> {2}")
  @CsvSource({
    "60094, 401, AuthorizationException",
    "60108, 403, AuthorizationException",
    "60108, 400, AuthorizationException",
    "60418, 403, NotPrimaryException",
    "60657, 400, SessionConnectionValueException",
    "70000, 400, RequestValidationException",
    "70001, 400, RequestValidationException",
    "70002, 400, RequestValidationException",
    "70008, 400, RequestValidationException",
    "70009, 400, RequestValidationException",
    "60245, 400, RequestValidationException",
    "60103, 400, RequestValidationException",
    "60102, 400, RequestValidationException",
    "60097, 400, RequestValidationException",
    "60090, 400, RequestValidationException",
    "50104, 400, ApplianceErrorException"
  })
  void toException_mapsEveryDocumentedCode(int code, int status, String type) {
    byte[] body =
        ("{\"Code\":" + code + ",\"Message\":\"m\",\"InnerError\":null}")
            .getBytes(StandardCharsets.UTF_8);
    SessionLinkException e = ErrorMapper.toException(status, body, URI_, "");
    assertEquals(type, e.getClass().getSimpleName());
    assertEquals(code, e.code());
    assertEquals(status, e.httpStatus());
    assertTrue(e.getMessage().contains("code " + code), e.getMessage());
  }

  @Test
  void toException_emptyBodies_byStatus() {
    assertTrue(ErrorMapper.toException(404, new byte[0], URI_, "") instanceof NotFoundException);
    assertTrue(
        ErrorMapper.toException(401, new byte[0], URI_, "") instanceof AuthorizationException);
    assertTrue(
        ErrorMapper.toException(403, new byte[0], URI_, "") instanceof AuthorizationException);
    assertTrue(
        ErrorMapper.toException(500, new byte[0], URI_, "") instanceof ApplianceErrorException);
  }

  @Test
  void toException_seed003Texts_keepResolutions() {
    SessionLinkException e =
        ErrorMapper.toException(
            403,
            "{\"Code\":60108,\"Message\":\"Authorization is required for this request.\",\"InnerError\":null}"
                .getBytes(StandardCharsets.UTF_8),
            URI_,
            "");
    assertTrue(e.getMessage().startsWith("Authorization is required for this request."));
    assertTrue(e.resolution().orElseThrow().startsWith("check the credentials"));
    assertTrue(
        ErrorMapper.toException(400, ApiError.of(60418, "x"), URI_, "")
            instanceof NotPrimaryException);
    assertTrue(
        ErrorMapper.toException(400, ApiError.of(60657, "x"), URI_, "")
            instanceof SessionConnectionValueException);
  }

  @Test
  void toException_modelStateAndInnerError_read() {
    String body =
        "{\"Code\":70000,\"Message\":\"The request is invalid.\",\"InnerError\":{\"Code\":1,\"Message\":\"in\",\"InnerError\":null},"
            + "\"ModelState\":{\"entity.NodeId\":[\"required\"]}}";
    RequestValidationException e =
        (RequestValidationException)
            ErrorMapper.toException(400, body.getBytes(StandardCharsets.UTF_8), URI_, "");
    ApiError api = e.apiError().orElseThrow();
    assertEquals("required", api.modelState().get("entity.NodeId").get(0));
    assertEquals(1, api.innerError().code());
    assertTrue(e.getMessage().contains("entity.NodeId"));
  }

  @Test
  void toException_nonJsonBody_isOneLineAndBounded() {
    byte[] html =
        ("<html>\r\nInjected: header\r\n" + "x".repeat(500) + "</html>")
            .getBytes(StandardCharsets.UTF_8);
    SessionLinkException e = ErrorMapper.toException(502, html, URI_, "");
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().length() < 400);
    assertNull(ErrorMapper.readApiError("not json".getBytes(StandardCharsets.UTF_8)));
  }
}
