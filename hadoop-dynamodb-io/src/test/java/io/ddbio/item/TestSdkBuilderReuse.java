package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type;

/**
 * Pins what {@link ReadScratch} relies on when it reuses one {@code AttributeValue.Builder} per
 * type for every value of a thread, which the AWS SDK does not document. If an SDK upgrade breaks
 * one of these, reading items may build values of the wrong type or values that change after they
 * were read: stop reusing builders (build each value with its static factory) rather than adjust
 * the test.
 *
 * <p>What is relied on, for each type {@code ReadScratch} builds:
 *
 * <ul>
 *   <li>{@code build()} is a snapshot: setting the member again afterwards changes neither the
 *       value built nor its type, and the next value is equal to the static factory's;
 *   <li>setting the member to null (how {@link ReadScratch#close()} forgets a line) leaves a
 *       builder that still builds values of its one type;
 *   <li>a container (a list, a set's members, a map, {@link Fields}) is copied: clearing and
 *       refilling it once the value is built changes nothing in the value.
 * </ul>
 */
class TestSdkBuilderReuse {

  /**
   * One member of the builder: how to set it, the static factory it must agree with, and two
   * contents that differ.
   */
  private record Member<T>(
      Type type,
      BiFunction<AttributeValue.Builder, T, AttributeValue.Builder> set,
      Function<T, AttributeValue> factory,
      T first,
      T second) {
    @Override
    public String toString() {
      return type.toString();
    }
  }

  /** Members whose content is a container the caller keeps and reuses. */
  private record Container<C>(
      String name,
      Type type,
      BiFunction<AttributeValue.Builder, C, AttributeValue.Builder> set,
      Function<C, AttributeValue> factory,
      C empty,
      BiConsumer<C, Integer> fill,
      Consumer<C> clear) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Member<?>> members() {
    return Stream.of(
        new Member<String>(
            Type.S, AttributeValue.Builder::s, AttributeValue::fromS, "first", "second"),
        new Member<String>(Type.N, AttributeValue.Builder::n, AttributeValue::fromN, "1", "-2.5"),
        new Member<SdkBytes>(
            Type.B,
            AttributeValue.Builder::b,
            AttributeValue::fromB,
            SdkBytes.fromByteArray(new byte[] {1, 2}),
            SdkBytes.fromByteArray(new byte[] {3})),
        new Member<Collection<String>>(
            Type.SS,
            AttributeValue.Builder::ss,
            c -> AttributeValue.fromSs(List.copyOf(c)),
            List.of("a", "b"),
            List.of("c")),
        new Member<Collection<String>>(
            Type.NS,
            AttributeValue.Builder::ns,
            c -> AttributeValue.fromNs(List.copyOf(c)),
            List.of("1", "2"),
            List.of("3")),
        new Member<Collection<SdkBytes>>(
            Type.BS,
            AttributeValue.Builder::bs,
            c -> AttributeValue.fromBs(List.copyOf(c)),
            List.of(SdkBytes.fromByteArray(new byte[] {1})),
            List.of(SdkBytes.fromByteArray(new byte[] {2}), SdkBytes.fromByteArray(new byte[0]))),
        new Member<Map<String, AttributeValue>>(
            Type.M,
            AttributeValue.Builder::m,
            AttributeValue::fromM,
            Map.of("k", AttributeValue.fromS("v")),
            Map.of()),
        new Member<Collection<AttributeValue>>(
            Type.L,
            AttributeValue.Builder::l,
            c -> AttributeValue.fromL(List.copyOf(c)),
            List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("members")
  <T> void aBuiltValueIsASnapshotOfTheReusedBuilder(Member<T> member) {
    AttributeValue.Builder builder = AttributeValue.builder();
    AttributeValue first = member.set().apply(builder, member.first()).build();
    AttributeValue second = member.set().apply(builder, member.second()).build();

    assertNotSame(first, second);
    assertEquals(member.factory().apply(member.first()), first, "the first value, after reuse");
    assertEquals(member.type(), first.type(), "the first value's type, after reuse");
    assertEquals(member.factory().apply(member.second()), second, "the value of a reused builder");
    assertEquals(member.type(), second.type(), "the type of a reused builder's value");
    assertEquals(
        member.factory().apply(member.second()).hashCode(),
        second.hashCode(),
        "the hash of a reused builder's value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("members")
  <T> void aBuilderWhoseMemberWasSetToNullStillBuildsItsOneType(Member<T> member) {
    AttributeValue.Builder builder = AttributeValue.builder();
    AttributeValue first = member.set().apply(builder, member.first()).build();
    member.set().apply(builder, null);
    AttributeValue next = member.set().apply(builder, member.second()).build();

    assertEquals(member.factory().apply(member.first()), first, "a value built before the null");
    assertEquals(member.type(), next.type(), "the type of a value built after the null");
    assertEquals(member.factory().apply(member.second()), next, "a value built after the null");
  }

  static Stream<Container<?>> containers() {
    return Stream.of(
        new Container<List<String>>(
            "SS",
            Type.SS,
            AttributeValue.Builder::ss,
            AttributeValue::fromSs,
            new ArrayList<>(),
            (c, i) -> c.add("s" + i),
            List::clear),
        new Container<List<String>>(
            "NS",
            Type.NS,
            AttributeValue.Builder::ns,
            AttributeValue::fromNs,
            new ArrayList<>(),
            (c, i) -> c.add(Integer.toString(i)),
            List::clear),
        new Container<List<SdkBytes>>(
            "BS",
            Type.BS,
            AttributeValue.Builder::bs,
            AttributeValue::fromBs,
            new ArrayList<>(),
            (c, i) -> c.add(SdkBytes.fromByteArray(new byte[] {i.byteValue()})),
            List::clear),
        new Container<List<AttributeValue>>(
            "L",
            Type.L,
            AttributeValue.Builder::l,
            AttributeValue::fromL,
            new ArrayList<>(),
            (c, i) -> c.add(AttributeValue.fromN(Integer.toString(i))),
            List::clear),
        new Container<Map<String, AttributeValue>>(
            "M",
            Type.M,
            AttributeValue.Builder::m,
            AttributeValue::fromM,
            new LinkedHashMap<>(),
            (c, i) -> c.put("k" + i, AttributeValue.fromN(Integer.toString(i))),
            Map::clear),
        new Container<Fields>(
            "M from Fields",
            Type.M,
            AttributeValue.Builder::m,
            AttributeValue::fromM,
            new Fields(),
            (c, i) -> c.putIfAbsent("k" + i, AttributeValue.fromN(Integer.toString(i))),
            Fields::reset));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containers")
  <C> void aContainerIsFreeAgainOnceItsValueIsBuilt(Container<C> container) {
    AttributeValue.Builder builder = AttributeValue.builder();
    C collected = container.empty();
    container.fill().accept(collected, 1);
    container.fill().accept(collected, 2);
    AttributeValue expected = container.factory().apply(collected);
    AttributeValue first = container.set().apply(builder, collected).build();
    assertEquals(expected, first, "the value built from the collected container");

    // ReadScratch clears the container and collects the next value in it.
    container.clear().accept(collected);
    container.fill().accept(collected, 3);
    AttributeValue second = container.set().apply(builder, collected).build();

    assertEquals(expected, first, "a value whose container was cleared and refilled");
    assertEquals(container.type(), first.type(), "its type");
    assertEquals(
        container.factory().apply(collected),
        second,
        "the value built from the refilled container");
  }
}
