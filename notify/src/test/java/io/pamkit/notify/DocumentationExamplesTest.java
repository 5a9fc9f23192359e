// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.config.PamkitConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/configuration.md and docs/examples/ honest: every example there is loaded here, with
 * the transport providers available, so that their sections are checked too.
 */
final class DocumentationExamplesTest {
  static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final Pattern BLOCK = Pattern.compile("```(json|text)\\n(.*?)```", Pattern.DOTALL);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, JsonNode> examples() throws IOException {
    Map<String, JsonNode> files = new HashMap<>();
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
        files.put(p.getFileName().toString(), MAPPER.readTree(p.toFile()));
      }
    }
    return files;
  }

  @Test
  void everyExampleFile_validOnesLoad_invalidOnesFail() throws IOException {
    Map<String, JsonNode> files = examples();
    assertTrue(files.size() >= 4, files.keySet().toString());
    for (String name : files.keySet()) {
      Path p = EXAMPLES.resolve(name);
      if (name.startsWith("invalid-")) {
        assertThrows(ConfigurationException.class, () -> PamkitConfig.read(p), name);
      } else {
        PamkitConfig.read(p);
      }
    }
  }

  @Test
  void everyJsonBlockOfTheDoc_isAnExampleFile() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Map<String, JsonNode> files = examples();
    Matcher m = BLOCK.matcher(doc);
    int jsonBlocks = 0;
    while (m.find()) {
      if (m.group(1).equals("json")) {
        jsonBlocks++;
        JsonNode block = MAPPER.readTree(m.group(2));
        if (block.size() == 1 && block.has("TrustAnchors")) {
          continue; // names certificate files of the reader's machine; checked below
        }
        assertTrue(files.containsValue(block), "not a file under docs/examples:\n" + m.group(2));
      }
    }
    assertTrue(jsonBlocks >= 3, "json blocks: " + jsonBlocks);
  }

  /**
   * Every JSON block of every document (docs/*.md, README.md, examples/README.md) reads with the
   * transport providers present, or fails only on values (a certificate file of the reader's
   * machine, a placeholder), never on a field name the reader does not know; the deliberately
   * broken example of configuration.md is the one exception.
   */
  @Test
  void everyJsonBlockOfEveryDoc_usesOnlyFieldNamesTheReaderAccepts() throws IOException {
    Map<String, JsonNode> files = examples();
    List<Path> docs =
        new ArrayList<>(
            List.of(Path.of("..", "README.md"), Path.of("..", "examples", "README.md")));
    try (Stream<Path> s = Files.list(Path.of("..", "docs"))) {
      s.filter(f -> f.toString().endsWith(".md")).forEach(docs::add);
    }
    int checked = 0;
    for (Path doc : docs) {
      if (!Files.isRegularFile(doc)) {
        continue;
      }
      Matcher m = BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
      while (m.find()) {
        if (!m.group(1).equals("json")) {
          continue;
        }
        JsonNode block = MAPPER.readTree(m.group(2));
        boolean deliberatelyBroken =
            files.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("invalid-") && e.getValue().equals(block));
        if (deliberatelyBroken || !block.isObject()) {
          continue;
        }
        checked++;
        try {
          PamkitConfig.parse(m.group(2));
        } catch (ConfigurationException e) {
          for (var v : e.violations()) {
            assertFalse(
                v.message().startsWith("unknown field"), doc + ": " + v + "\nin\n" + m.group(2));
          }
        }
      }
    }
    assertTrue(checked >= 5, "json blocks checked: " + checked);
  }

  @Test
  void everyLinkedExample_exists() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\\(examples/([a-z0-9-]+\\.json)\\)").matcher(doc);
    List<String> linked = new ArrayList<>();
    while (m.find()) {
      linked.add(m.group(1));
      assertTrue(Files.isRegularFile(EXAMPLES.resolve(m.group(1))), m.group(1));
    }
    assertTrue(linked.contains("pamkit.json"));
  }

  @Test
  void errorOutputShownInTheDoc_isWhatPamkitReports() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(doc);
    String shown = null;
    while (m.find()) {
      if (m.group(1).equals("text") && m.group(2).startsWith("5 problems:")) {
        shown = m.group(2).strip();
      }
    }
    assertFalse(shown == null, "the doc shows the five problems");
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.read(EXAMPLES.resolve("invalid-five-problems.json")));
    assertEquals(shown, e.getMessage());
  }

  @Test
  void ewsProvider_oauthClient_readAndPartialSettingsRefused() {
    PamkitConfig c =
        PamkitConfig.parse(
            """
        {"EmailProviders": [{"Type": "Ews", "Name": "m365", "Priority": 1,
          "ServiceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
          "Mailbox": "vault@example.com", "OAuthTenant": "example.onmicrosoft.com",
          "OAuthClientId": "0f1e2d3c", "OAuthClientSecret": "s3cr3t-value",
          "AllowExchangeOnline": true}]}
        """);
    assertFalse(c.toJson().contains("s3cr3t"), c.toJson());
    assertTrue(c.toJson().contains("\"OAuthClientId\""), c.toJson());
    ConfigurationException partial =
        assertThrows(
            ConfigurationException.class,
            () ->
                PamkitConfig.parse(
                    """
            {"EmailProviders": [{"Type": "Ews", "Name": "m365",
              "ServiceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
              "Mailbox": "vault@example.com", "OAuthClientId": "0f1e2d3c"}]}
            """));
    assertTrue(partial.getMessage().contains("give all three"), partial.getMessage());
  }

  @Test
  void parse_portOutsideRange_messageAsDocumented() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.parse("{\"EmailClientConfig\": {\"PortNumber\": 70000}}"));
    assertEquals(
        List.of("$.EmailClientConfig.PortNumber: 70000 is outside 1..65535"),
        e.violations().stream().map(Object::toString).toList());
  }

  @Test
  void parse_unknownEmailProviderType_namesTheProvidersAvailable() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.parse("{\"EmailProviders\": [{\"Type\": \"Kafka\"}]}"));
    assertEquals("$.EmailProviders[0].Type", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("is not one of smtp, sendgrid, ews, graph"), e.getMessage());
  }
}
