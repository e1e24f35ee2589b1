package io.ddbio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestClientOptionsFromKeys {

  private static ClientOptions client(Map<String, String> values, Map<String, String> secrets) {
    return DdbioOptions.from(values::get, secrets::get).client();
  }

  @Test
  void noRoleUnlessOneIsNamed() {
    assertEquals(Optional.empty(), client(Map.of(), Map.of()).assumeRole());
  }

  @Test
  void roleWithItsSessionNameExternalIdAndStsEndpoint() {
    ClientOptions c =
        client(
            Map.of(
                "dynamodb.assume.role.arn", "arn:aws:iam::123456789012:role/Backup",
                "dynamodb.assume.role.session.name", "nightly",
                "dynamodb.sts.endpoint", "https://sts.eu-west-1.amazonaws.com"),
            Map.of("dynamodb.assume.role.external.id", "ext-secret-7"));

    ClientOptions.AssumeRole role = c.assumeRole().orElseThrow();
    assertEquals("arn:aws:iam::123456789012:role/Backup", role.roleArn());
    assertEquals("nightly", role.sessionName());
    assertEquals("ext-secret-7", role.externalId());
    assertEquals(
        Optional.of(URI.create("https://sts.eu-west-1.amazonaws.com")), role.stsEndpoint());
    assertFalse(c.toString().contains("ext-secret-7"), c.toString());
  }

  @Test
  void defaultSessionNameAndNoExternalId() {
    ClientOptions.AssumeRole role =
        client(Map.of("dynamodb.assume.role.arn", "arn:aws:iam::123456789012:role/B"), Map.of())
            .assumeRole()
            .orElseThrow();
    assertEquals("ddbio", role.sessionName());
    assertEquals(null, role.externalId());
    assertEquals(Optional.empty(), role.stsEndpoint());
  }

  @Test
  void somethingElseThanAnArnIsRefusedNamingTheKey() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> client(Map.of("dynamodb.assume.role.arn", "BackupRole"), Map.of()))
            .getMessage();
    assertTrue(m.contains("dynamodb.assume.role.arn") && m.contains("\"BackupRole\""), m);
  }

  @Test
  void aBadStsEndpointIsReportedUnderItsOwnKey() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    client(
                        Map.of(
                            "dynamodb.assume.role.arn", "arn:aws:iam::1:role/B",
                            "dynamodb.sts.endpoint", "sts.local"),
                        Map.of()))
            .getMessage();
    assertTrue(m.startsWith("Invalid dynamodb.sts.endpoint"), m);
  }
}
