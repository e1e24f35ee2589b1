package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type;

/**
 * Pins what {@link ReadScratch} relies on when it reuses one {@code AttributeValue.Builder} per
 * type for every value of a thread, which the AWS SDK does not document. If an SDK upgrade breaks
 * one of these, reading items may build values of the wrong type or values that change after they
 * were read: stop reusing builders (build each value with a fresh one) rather than adjust the test.
 *
 * <p>What is relied on, for each type {@code ReadScratch} builds:
 *
 * <ul>
 *   <li>{@code build()} is a snapshot: setting the member again afterwards changes neither the
 *       value built nor its type, and the next value equals one of a fresh builder;
 *   <li>setting the member to null (how {@link ReadScratch#close()} forgets a line) leaves a
 *       builder that still builds values of its one type;
 *   <li>a container (a list, a set's members, a map, {@link Fields}) is copied: clearing and
 *       refilling it once the value is built changes nothing in the value.
 * </ul>
 */
class TestSdkBuilderReuse {

  /** Each type ReadScratch builds, with two contents that differ. */
  static Stream<Arguments> contents() {
    return Stream.of(
        Arguments.of(Type.S, "first", "second"),
        Arguments.of(Type.N, "1", "-2.5"),
        Arguments.of(Type.B, bytes(1, 2), bytes(3)),
        Arguments.of(Type.SS, List.of("a", "b"), List.of("c")),
        Arguments.of(Type.NS, List.of("1", "2"), List.of("3")),
        Arguments.of(Type.BS, List.of(bytes(1)), List.of(bytes(2), bytes())),
        Arguments.of(Type.M, Map.of("k", AttributeValue.fromS("v")), Map.of()),
        Arguments.of(Type.L, List.of(AttributeValue.fromN("1")), List.of()));
  }

  /** The types whose content is a container the caller may keep and reuse. */
  static Stream<Arguments> containers() {
    return contents()
        .filter(a -> !(a.get()[1] instanceof String || a.get()[1] instanceof SdkBytes));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contents")
  void aBuiltValueIsASnapshotOfTheReusedBuilder(Type type, Object first, Object second) {
    AttributeValue.Builder builder = AttributeValue.builder();
    AttributeValue firstValue = set(builder, type, first).build();
    AttributeValue secondValue = set(builder, type, second).build();

    assertNotSame(firstValue, secondValue);
    assertEquals(fresh(type, first), firstValue, "the first value, after reuse");
    assertEquals(type, firstValue.type(), "the first value's type, after reuse");
    assertEquals(fresh(type, second), secondValue, "the value of a reused builder");
    assertEquals(type, secondValue.type(), "the type of a reused builder's value");
    assertEquals(
        fresh(type, second).hashCode(), secondValue.hashCode(), "the hash of a reused value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contents")
  void aBuilderWhoseMemberWasSetToNullStillBuildsItsOneType(
      Type type, Object first, Object second) {
    AttributeValue.Builder builder = AttributeValue.builder();
    AttributeValue firstValue = set(builder, type, first).build();
    set(builder, type, null);
    AttributeValue next = set(builder, type, second).build();

    assertEquals(fresh(type, first), firstValue, "a value built before the null");
    assertEquals(type, next.type(), "the type of a value built after the null");
    assertEquals(fresh(type, second), next, "a value built after the null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containers")
  void aContainerIsFreeAgainOnceItsValueIsBuilt(Type type, Object first, Object second) {
    AttributeValue.Builder builder = AttributeValue.builder();
    Object collected =
        first instanceof Map<?, ?> map
            ? new LinkedHashMap<>(map)
            : new ArrayList<>((Collection<?>) first);
    AttributeValue firstValue = set(builder, type, collected).build();

    // ReadScratch clears the container and collects the next value in it.
    if (collected instanceof Map<?, ?> map) {
      map.clear();
      putAll(map, (Map<?, ?>) second);
    } else {
      ((Collection<?>) collected).clear();
      addAll((Collection<?>) collected, (Collection<?>) second);
    }
    AttributeValue secondValue = set(builder, type, collected).build();

    assertEquals(fresh(type, first), firstValue, "a value whose container was refilled");
    assertEquals(type, firstValue.type(), "its type");
    assertEquals(fresh(type, second), secondValue, "the value of the refilled container");
  }

  @Test
  void fieldsAreFreeAgainOnceTheirMIsBuilt() {
    AttributeValue.Builder builder = AttributeValue.builder();
    Fields fields = new Fields();
    fields.putIfAbsent("a", AttributeValue.fromN("1"));
    fields.putIfAbsent("b", AttributeValue.fromS("x"));
    AttributeValue first = builder.m(fields).build();

    fields.reset();
    fields.putIfAbsent("c", AttributeValue.fromBool(true));
    AttributeValue second = builder.m(fields).build();
    fields.clear();

    Map<String, AttributeValue> firstFields = new LinkedHashMap<>();
    firstFields.put("a", AttributeValue.fromN("1"));
    firstFields.put("b", AttributeValue.fromS("x"));
    assertEquals(AttributeValue.fromM(firstFields), first, "an M whose Fields were reset");
    assertEquals(List.of("a", "b"), List.copyOf(first.m().keySet()), "its order");
    assertEquals(Type.M, first.type(), "its type");
    assertEquals(
        AttributeValue.fromM(Map.of("c", AttributeValue.fromBool(true))),
        second,
        "an M whose Fields were cleared");
  }

  /** Sets the member of {@code type} to {@code content}, as ReadScratch does. */
  @SuppressWarnings("unchecked")
  private static AttributeValue.Builder set(AttributeValue.Builder b, Type type, Object content) {
    return switch (type) {
      case S -> b.s((String) content);
      case N -> b.n((String) content);
      case B -> b.b((SdkBytes) content);
      case SS -> b.ss((Collection<String>) content);
      case NS -> b.ns((Collection<String>) content);
      case BS -> b.bs((Collection<SdkBytes>) content);
      case M -> b.m((Map<String, AttributeValue>) content);
      case L -> b.l((Collection<AttributeValue>) content);
      default -> throw new IllegalArgumentException("ReadScratch reuses no builder for " + type);
    };
  }

  /** The value a builder used once builds: what every value of a reused one must equal. */
  private static AttributeValue fresh(Type type, Object content) {
    return set(AttributeValue.builder(), type, content).build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void addAll(Collection<T> to, Collection<?> from) {
    to.addAll((Collection<T>) from);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> void putAll(Map<K, V> to, Map<?, ?> from) {
    to.putAll((Map<K, V>) from);
  }

  private static SdkBytes bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return SdkBytes.fromByteArray(b);
  }
}
