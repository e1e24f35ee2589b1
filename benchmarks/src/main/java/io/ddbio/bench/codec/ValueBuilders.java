package io.ddbio.bench.codec;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How {@link BareSdkDecoder} turns what it read into {@code AttributeValue}s: the one thing its two
 * variants differ in, so that timing them side by side measures what the library's reuse of SDK
 * builders ({@code io.ddbio.item.ReadScratch}) buys and nothing else.
 */
interface ValueBuilders {
  AttributeValue s(String value);

  AttributeValue n(String value);

  AttributeValue b(SdkBytes value);

  AttributeValue ss(List<String> values);

  AttributeValue ns(List<String> values);

  AttributeValue bs(List<SdkBytes> values);

  AttributeValue m(Map<String, AttributeValue> fields);

  AttributeValue l(List<AttributeValue> elements);

  /**
   * The SDK's static factories: each is {@code builder().x(..).build()}, a new builder per value.
   */
  final class Fresh implements ValueBuilders {
    @Override
    public AttributeValue s(String value) {
      return AttributeValue.fromS(value);
    }

    @Override
    public AttributeValue n(String value) {
      return AttributeValue.fromN(value);
    }

    @Override
    public AttributeValue b(SdkBytes value) {
      return AttributeValue.fromB(value);
    }

    @Override
    public AttributeValue ss(List<String> values) {
      return AttributeValue.fromSs(values);
    }

    @Override
    public AttributeValue ns(List<String> values) {
      return AttributeValue.fromNs(values);
    }

    @Override
    public AttributeValue bs(List<SdkBytes> values) {
      return AttributeValue.fromBs(values);
    }

    @Override
    public AttributeValue m(Map<String, AttributeValue> fields) {
      return AttributeValue.fromM(fields);
    }

    @Override
    public AttributeValue l(List<AttributeValue> elements) {
      return AttributeValue.fromL(elements);
    }
  }

  /**
   * One builder per type, kept and set again for every value, as {@code ReadScratch} does; safe
   * because {@code build()} copies the builder's member and each builder only ever holds its own
   * type. Not thread-safe: one instance per thread.
   */
  final class Reused implements ValueBuilders {
    private final AttributeValue.Builder s = AttributeValue.builder();
    private final AttributeValue.Builder n = AttributeValue.builder();
    private final AttributeValue.Builder b = AttributeValue.builder();
    private final AttributeValue.Builder ss = AttributeValue.builder();
    private final AttributeValue.Builder ns = AttributeValue.builder();
    private final AttributeValue.Builder bs = AttributeValue.builder();
    private final AttributeValue.Builder m = AttributeValue.builder();
    private final AttributeValue.Builder l = AttributeValue.builder();

    @Override
    public AttributeValue s(String value) {
      return s.s(value).build();
    }

    @Override
    public AttributeValue n(String value) {
      return n.n(value).build();
    }

    @Override
    public AttributeValue b(SdkBytes value) {
      return b.b(value).build();
    }

    @Override
    public AttributeValue ss(List<String> values) {
      return ss.ss(values).build();
    }

    @Override
    public AttributeValue ns(List<String> values) {
      return ns.ns(values).build();
    }

    @Override
    public AttributeValue bs(List<SdkBytes> values) {
      return bs.bs(values).build();
    }

    @Override
    public AttributeValue m(Map<String, AttributeValue> fields) {
      return m.m(fields).build();
    }

    @Override
    public AttributeValue l(List<AttributeValue> elements) {
      return l.l(elements).build();
    }
  }
}
