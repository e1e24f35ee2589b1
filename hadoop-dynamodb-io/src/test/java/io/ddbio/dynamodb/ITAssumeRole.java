package io.ddbio.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code dynamodb.assume.role.arn}: every DynamoDB call is signed with the role's credentials. The
 * DynamoDB Local here keeps a set of tables per access key, so a table created with the role's key
 * is seen only by a client that really signs with it.
 */
class ITAssumeRole {
  private static final String ROLE = "arn:aws:iam::222222222222:role/BackupReader";
  private static final String ROLE_KEY = "ASIAROLEKEYEXAMPLE";

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.perAccessKey();

  @BeforeAll
  static void createTheRolesTable() {
    try (DynamoDbClient asRole =
        DynamoDbClient.builder()
            .endpointOverride(ddb.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(ROLE_KEY, "assumed-secret", "token")))
            .build()) {
      Tables.createTable(asRole, "OnlyTheRoleSees", KeySpec.string("id"), null, 5, 5);
    }
  }

  private static DdbioOptions options(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>();
    values.put(DdbioKeys.ENDPOINT.name(), ddb.endpoint().toString());
    values.put(DdbioKeys.REGION.name(), "us-east-1");
    values.putAll(extra);
    Map<String, String> secrets =
        Map.of(
            DdbioKeys.ACCESS_KEY.name(), "AKIABASEKEYEXAMPLE",
            DdbioKeys.SECRET_KEY.name(), "base-secret",
            DdbioKeys.ASSUME_ROLE_EXTERNAL_ID.name(), "ext-42");
    return DdbioOptions.from(values::get, secrets::get);
  }

  private static DdbioOptions withRole(FakeSts sts) {
    return options(
        Map.of(
            DdbioKeys.ASSUME_ROLE_ARN.name(),
            ROLE,
            DdbioKeys.STS_ENDPOINT.name(),
            sts.endpoint().toString()));
  }

  @Test
  void callsAreSignedWithTheRolesCredentialsObtainedWithTheBaseOnes() throws Exception {
    try (FakeSts sts = new FakeSts(ROLE_KEY)) {
      DdbioOptions options = withRole(sts);

      try (DynamoDbClient client = DynamoDBClientFactory.create(options.client())) {
        assertEquals(List.of("OnlyTheRoleSees"), client.listTables().tableNames());
        assertEquals(List.of("OnlyTheRoleSees"), client.listTables().tableNames());
      }

      // Assumed once (the credentials are cached until near their expiry), with the base key.
      assertEquals(1, sts.requests().size(), sts.requests().toString());
      FakeSts.Request r = sts.requests().get(0);
      assertEquals("AssumeRole", r.parameters().get("Action"));
      assertEquals(ROLE, r.parameters().get("RoleArn"));
      assertEquals("ddbio", r.parameters().get("RoleSessionName"));
      assertEquals("ext-42", r.parameters().get("ExternalId"));
      assertTrue(r.authorization().contains("Credential=AKIABASEKEYEXAMPLE/"), r.authorization());
    }
  }

  @Test
  void withoutTheRoleTheBaseCredentialsSeeNoneOfItsTables() {
    try (DynamoDbClient client = DynamoDBClientFactory.create(options(Map.of()).client())) {
      assertEquals(List.of(), client.listTables().tableNames());
    }
  }

  @Test
  void aRefusedAssumeRoleFailsTheCallNamingTheRole() throws Exception {
    try (FakeSts sts = new FakeSts(ROLE_KEY)) {
      sts.refuse();
      DdbioOptions options = withRole(sts);

      try (DynamoDbClient client = DynamoDBClientFactory.create(options.client())) {
        SdkException e = assertThrows(SdkException.class, client::listTables);
        assertTrue(
            e.getMessage().contains("not authorized to perform: sts:AssumeRole"), e.toString());
        assertTrue(e.getMessage().contains(ROLE), e.getMessage());
      }
    }
  }
}
