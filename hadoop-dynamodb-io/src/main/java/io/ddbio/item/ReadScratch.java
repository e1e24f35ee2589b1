package io.ddbio.item;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What reading a line reuses: one SDK builder per type, and the containers that collect an object's
 * attributes, a list's elements or a set's members before the SDK copies them. Each thread has one,
 * taken with {@link #forLine()} for each line and given back with {@link #close()}.
 *
 * <p>Why builders are reused: {@code AttributeValue.fromS(..)} and the other static factories are
 * {@code builder().s(..).build()}, and every new builder allocates itself, an {@code EnumSet} of
 * the types set so far and an iterator over it; in a profile of decoding, making builders and their
 * type bookkeeping took about an eighth of the time. Reuse is safe because {@code build()} copies
 * the builder's fields into a new immutable value (containers are copied when they are set), and
 * each builder here only ever has its own type's member set, so every value it builds holds exactly
 * that type: setting the member again just replaces it. Builders are kept per thread rather than
 * per line because a small item uses most of its types once, so per-line builders would save
 * little.
 *
 * <p>Why containers are reused: the SDK copies the map, list or set a value is built from, so the
 * one they were collected in is free again as soon as the value is built. Objects and lists nest,
 * so there is one container per depth; set members are scalars, so one set container serves all.
 *
 * <p>Nothing outlives its line: {@link #close()} forgets the line's values, whether the line was
 * read or failed half-way, and containers that grew large are dropped rather than kept.
 */
final class ReadScratch implements AutoCloseable {
  private static final ThreadLocal<ReadScratch> PER_THREAD =
      ThreadLocal.withInitial(ReadScratch::new);

  /** Containers that grew beyond this many entries are not kept for the next line. */
  private static final int KEEP_LIMIT = 1024;

  private AttributeValue.Builder s;
  private AttributeValue.Builder n;
  private AttributeValue.Builder b;
  private AttributeValue.Builder ss;
  private AttributeValue.Builder ns;
  private AttributeValue.Builder bs;
  private AttributeValue.Builder m;
  private AttributeValue.Builder l;

  private final List<Fields> objects = new ArrayList<>();
  private int objectDepth;
  private final List<List<AttributeValue>> lists = new ArrayList<>();
  private int listDepth;
  private List<Object> members;

  private ReadScratch() {}

  /** This thread's scratch; empty, since every use ends with {@link #close()}. */
  static ReadScratch forLine() {
    return PER_THREAD.get();
  }

  /** Forgets the line: drops every value the builders and containers still refer to. */
  @Override
  public void close() {
    // Setting a member to null leaves the builder's type as it was, so it stays single-typed.
    if (s != null) {
      s.s(null);
    }
    if (n != null) {
      n.n(null);
    }
    if (b != null) {
      b.b((SdkBytes) null);
    }
    if (ss != null) {
      ss.ss((List<String>) null);
    }
    if (ns != null) {
      ns.ns((List<String>) null);
    }
    if (bs != null) {
      bs.bs((List<SdkBytes>) null);
    }
    if (m != null) {
      m.m(null);
    }
    if (l != null) {
      l.l((List<AttributeValue>) null);
    }
    for (Fields fields : objects) {
      fields.clear();
    }
    objectDepth = 0;
    for (int i = 0; i < listDepth; i++) {
      lists.get(i).clear();
    }
    listDepth = 0;
    if (members != null) {
      members.clear();
    }
  }

  AttributeValue s(String value) {
    if (s == null) {
      s = AttributeValue.builder();
    }
    return s.s(value).build();
  }

  AttributeValue n(String value) {
    if (n == null) {
      n = AttributeValue.builder();
    }
    return n.n(value).build();
  }

  AttributeValue b(SdkBytes value) {
    if (b == null) {
      b = AttributeValue.builder();
    }
    return b.b(value).build();
  }

  @SuppressWarnings("unchecked")
  AttributeValue ss(List<?> strings) {
    if (ss == null) {
      ss = AttributeValue.builder();
    }
    return ss.ss((List<String>) strings).build();
  }

  @SuppressWarnings("unchecked")
  AttributeValue ns(List<?> numbers) {
    if (ns == null) {
      ns = AttributeValue.builder();
    }
    return ns.ns((List<String>) numbers).build();
  }

  @SuppressWarnings("unchecked")
  AttributeValue bs(List<?> binaries) {
    if (bs == null) {
      bs = AttributeValue.builder();
    }
    return bs.bs((List<SdkBytes>) binaries).build();
  }

  /** An empty container for the attributes of an object one level deeper than the current one. */
  Fields openObject() {
    if (objectDepth == objects.size()) {
      objects.add(new Fields());
    }
    return objects.get(objectDepth++);
  }

  /** Builds an {@code M} value from the innermost open object and frees its container. */
  AttributeValue closeObjectAsM(Fields fields) {
    if (m == null) {
      m = AttributeValue.builder();
    }
    AttributeValue value = m.m(fields).build();
    closeObject(fields);
    return value;
  }

  /** Frees the innermost open object's container. */
  void closeObject(Fields fields) {
    objectDepth--;
    if (fields.size() > KEEP_LIMIT) {
      objects.set(objectDepth, new Fields());
    } else {
      fields.reset();
    }
  }

  /** An empty container for the elements of a list one level deeper than the current one. */
  List<AttributeValue> openList() {
    if (listDepth == lists.size()) {
      lists.add(new ArrayList<>());
    }
    return lists.get(listDepth++);
  }

  /** Builds an {@code L} value from the innermost open list and frees its container. */
  AttributeValue closeListAsL(List<AttributeValue> elements) {
    if (l == null) {
      l = AttributeValue.builder();
    }
    AttributeValue value = l.l(elements).build();
    listDepth--;
    if (elements.size() > KEEP_LIMIT) {
      lists.set(listDepth, new ArrayList<>());
    } else {
      elements.clear();
    }
    return value;
  }

  /** The empty container for a set's members; sets do not nest, so there is only one. */
  List<Object> openSet() {
    if (members == null || members.size() > KEEP_LIMIT) {
      members = new ArrayList<>();
    }
    members.clear();
    return members;
  }
}
