package io.ddbio.item;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of a nested {@code M} object while it is being read: names and values in two
 * arrays, in the order of the line, refusing a name seen before ({@link #putIfAbsent}).
 *
 * <p>Why not a {@code LinkedHashMap}: the SDK copies whatever map an {@code M} value is built from,
 * so that map is thrown away at once; two arrays reused for every object at the same depth cost
 * neither a hash table nor an entry per attribute. Apart from {@link #putIfAbsent}, {@link #reset}
 * and {@link #clear} it is a read-only map: what the SDK copies from.
 */
final class Fields extends AbstractMap<String, AttributeValue> {
  /** Up to this many names, duplicates are found by comparing with each earlier name. */
  private static final int LINEAR_LIMIT = 16;

  private String[] names = new String[8];
  private AttributeValue[] values = new AttributeValue[8];
  private int size;

  /** The most entries filled since the last {@link #clear()}. */
  private int used;

  /** Where each name is, once there are more than {@link #LINEAR_LIMIT}; null until then. */
  private Map<String, Integer> index;

  /**
   * Appends an attribute unless its name is already present.
   *
   * @return the value already under {@code name}, adding nothing, or null if it was added
   */
  @Override
  public AttributeValue putIfAbsent(String name, AttributeValue value) {
    int at = indexOf(name);
    if (at >= 0) {
      return values[at];
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
    used = Math.max(used, size);
    if (index != null) {
      index.put(name, size - 1);
    } else if (size > LINEAR_LIMIT) {
      index = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        index.put(names[i], i);
      }
    }
    return null;
  }

  private int indexOf(String name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    int hash = name.hashCode();
    for (int i = 0; i < size; i++) {
      String other = names[i];
      if (other.hashCode() == hash && other.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Empties the container for the next object at this depth. The arrays keep their old references
   * until {@link #clear()}: they belong to the same line and are overwritten as the next object
   * fills them, and not clearing them here saves a pass per object.
   */
  void reset() {
    size = 0;
    index = null;
  }

  /** Empties the container and drops every reference it held, at the end of a line. */
  @Override
  public void clear() {
    Arrays.fill(names, 0, used, null);
    Arrays.fill(values, 0, used, null);
    size = 0;
    used = 0;
    index = null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, AttributeValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, AttributeValue>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, AttributeValue> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, AttributeValue> entry =
                new SimpleImmutableEntry<>(names[next], values[next]);
            next++;
            return entry;
          }
        };
      }
    };
  }
}
