// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.KeyType;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.PamkitConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the recipes of docs/email-providers.md honest: every JSON document there is read with the
 * transport providers (the files it names replaced by generated ones), so each entry is checked.
 */
final class EmailProvidersDocTest {
  private static final Path DOC = Path.of("..", "docs", "email-providers.md");
  private static final Pattern JSON = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void recipes_everyJsonDocument_readAndChecked() throws Exception {
    KeyMaterial app = SelfSigned.builder("CN=pamkit graph app").keyType(KeyType.RSA_2048).build();
    Path crt = Files.writeString(dir.resolve("app.crt"), app.certificatePem());
    Path key = Files.writeString(dir.resolve("app.key"), app.unencryptedPrivateKeyPem());
    var g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    Path dkim =
        Files.writeString(
            dir.resolve("dkim.key"),
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                    .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n",
            StandardCharsets.US_ASCII);

    String text = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = JSON.matcher(text);
    List<String> types = new ArrayList<>();
    int documents = 0;
    while (m.find()) {
      String json =
          m.group(1)
              .replace("/etc/pamkit/graph-app.crt", slashes(crt))
              .replace("/etc/pamkit/graph-app.key", slashes(key))
              .replace("/etc/pamkit/dkim.key", slashes(dkim));
      PamkitConfig config = PamkitConfig.parse(json); // throws naming any problem by path
      documents++;
      for (ConfigSection s : config.emailProviderSections()) {
        types.add(s.json().path("Type").asText());
      }
    }
    assertEquals(4, documents, "the recipes: Graph, Graph + SMTP XOAUTH2, NTLM, DKIM");
    assertTrue(types.containsAll(List.of("Graph", "Smtp", "Ews")), types::toString);
  }

  private static String slashes(Path p) {
    return p.toAbsolutePath().toString().replace("\\", "/");
  }
}
