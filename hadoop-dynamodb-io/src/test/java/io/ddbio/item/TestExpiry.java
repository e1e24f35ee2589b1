package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's rule for an expired item, as its time-to-live documentation states it. */
class TestExpiry {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final Expiry RULE = Expiry.at("ttl", NOW);

  private static Map<String, AttributeValue> item(AttributeValue ttl) {
    return ttl == null
        ? Map.of("pk", AttributeValue.fromS("a"))
        : Map.of("pk", AttributeValue.fromS("a"), "ttl", ttl);
  }

  private static boolean expired(String seconds) {
    return RULE.expired(item(AttributeValue.fromN(seconds)));
  }

  @Test
  void anEpochSecondBeforeNowIsExpiredAndNowItselfIsNot() {
    long now = NOW.getEpochSecond();
    assertTrue(expired(Long.toString(now - 1)));
    assertTrue(expired(Long.toString(now - 86_400)));
    assertTrue(expired((now - 1) + ".5"), "numbers may have decimals");
    assertFalse(expired(Long.toString(now)), "expired only when less than the current time");
    assertFalse(expired(Long.toString(now + 60)));
  }

  @Test
  void moreThanFiveYearsBackDynamoDbNeverDeletesTheItemSoItIsKept() {
    long fiveYearsBack = Instant.parse("2021-12-07T12:00:00Z").getEpochSecond();
    assertTrue(expired(Long.toString(fiveYearsBack)));
    assertFalse(expired(Long.toString(fiveYearsBack - 1)));
    assertFalse(expired("0"));
  }

  @Test
  void onlyATopLevelNumberCounts() {
    long past = NOW.getEpochSecond() - 100;
    assertFalse(RULE.expired(item(null)), "no attribute");
    assertFalse(RULE.expired(item(AttributeValue.fromS(Long.toString(past)))), "a string");
    assertFalse(
        RULE.expired(item(AttributeValue.fromM(Map.of("ttl", AttributeValue.fromN("1"))))),
        "a map");
    assertFalse(
        expired(Long.toString(past * 1000)), "milliseconds read as a far future, never expiring");
    assertTrue(expired("1.7E9"), "an exponent is a Number too: 2023-11-14, within five years");
    assertFalse(expired("123456789012345678901234567890"), "beyond a long: a far future");
    assertFalse(expired("-5"), "before 1970: more than five years back");
  }
}
