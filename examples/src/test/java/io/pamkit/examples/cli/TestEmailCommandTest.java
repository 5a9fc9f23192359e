package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.examples.demo.DemoCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestEmailCommandTest {
  @TempDir Path dir;
  private Receivers receivers;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    receivers = Receivers.start();
    config = receivers.writeConfig(dir);
  }

  @AfterEach
  void stop() {
    receivers.close();
  }

  @Test
  void testEmail_reachableServer_sentThroughItsAddress() throws Exception {
    CliRun r = CliRun.run("test-email", "--config", config.toString(), "--to",
        "ops@example.com", "--timeout", "10");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("127.0.0.1"), r.out());
    assertTrue(r.out().contains("SENT"), r.out());
    assertEquals("ops@example.com",
        receivers.awaitEmails(1).get(0).getAllRecipients()[0].toString());
  }

  @Test
  void testEmail_json_listsEachAddress() throws Exception {
    CliRun r = CliRun.run("test-email", "--config", config.toString(), "--to",
        "ops@example.com", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertTrue(d.get("success").booleanValue());
    assertEquals("SENT", d.get("attempts").get(0).get("outcome").asText());
  }

  @Test
  void testEmail_serverDown_failsWithExit1() throws Exception {
    receivers.close();
    CliRun r = CliRun.run("test-email", "--config", config.toString(), "--to",
        "ops@example.com", "--timeout", "5");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains("FAILED") || r.out().contains("TIMED_OUT"), r.out());
  }

  @Test
  void testEmail_timeoutOutOfRange_exits2() {
    CliRun r = CliRun.run("test-email", "--config", config.toString(), "--to", "a@example.com",
        "--timeout", "256");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("1..255"), r.err());
  }

  @Test
  void testEmail_emailDisabled_exits2() throws Exception {
    Path f = Receivers.write(dir, "noemail.json", "{ \"EmailClientConfig\": { } }");
    CliRun r = CliRun.run("test-email", "--config", f.toString(), "--to", "a@example.com");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("email is disabled"), r.err());
  }

  @Test
  void testEmail_missingFileAndMalformed_exit2() throws Exception {
    assertEquals(2, CliRun.run("test-email", "--config", dir.resolve("n.json").toString(),
        "--to", "a@example.com").exitCode());
    Path bad = Receivers.write(dir, "bad.json", "nope");
    assertEquals(2, CliRun.run("test-email", "--config", bad.toString(), "--to",
        "a@example.com").exitCode());
    assertTrue(DemoCommand.bundledDocument().contains("EmailClientConfig"));
  }
}
