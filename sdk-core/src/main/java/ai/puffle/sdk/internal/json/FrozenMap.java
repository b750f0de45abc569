package ai.puffle.sdk.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An unmodifiable map of a JSON object in key order, over two arrays. Small objects (the common
 * case) are searched linearly; larger ones get a hash index. Like {@code
 * Collections.unmodifiableMap}, every change is refused, even one that would change nothing.
 */
public final class FrozenMap extends AbstractMap<String, Object> {
  private static final int LINEAR_LIMIT = 8;
  private static final FrozenMap EMPTY = new FrozenMap(new String[0], new Object[0], 0, null);

  private final String[] keys;
  private final Object[] values;
  private final int size;
  private final Map<String, Integer> index;
  private Set<Map.Entry<String, Object>> entries;
  private Set<String> keyView;
  private Collection<Object> valueView;

  private FrozenMap(String[] keys, Object[] values, int size, Map<String, Integer> index) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.index = index;
  }

  /** Collects the entries of one map; not thread-safe, used once. */
  static final class Builder {
    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private Map<String, Integer> index;

    /** Adds an entry; false (and nothing added) when the key is already there. */
    boolean add(String key, Object value) {
      if (position(keys, size, index, key) >= 0) {
        return false;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      if (index != null) {
        index.put(key, size);
      } else if (size + 1 > LINEAR_LIMIT) {
        index = new HashMap<>();
        for (int i = 0; i <= size; i++) {
          index.put(keys[i], i);
        }
      }
      size++;
      return true;
    }

    FrozenMap build() {
      return size == 0 ? EMPTY : new FrozenMap(keys, values, size, index);
    }
  }

  private static int position(String[] keys, int size, Map<String, Integer> index, Object key) {
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return position(keys, size, index, key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int at = position(keys, size, index, key);
    return at < 0 ? null : values[at];
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    Set<Map.Entry<String, Object>> set = entries;
    if (set == null) {
      set = Collections.unmodifiableSet(new AbstractSet<Map.Entry<String, Object>>() {
        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<Map.Entry<String, Object>>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size;
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (next >= size) {
                throw new NoSuchElementException();
              }
              int at = next++;
              return new SimpleImmutableEntry<>(keys[at], values[at]);
            }
          };
        }

        @Override
        public int size() {
          return size;
        }
      });
      entries = set;
    }
    return set;
  }

  @Override
  public Set<String> keySet() {
    Set<String> view = keyView;
    if (view == null) {
      view = Collections.unmodifiableSet(super.keySet());
      keyView = view;
    }
    return view;
  }

  @Override
  public Collection<Object> values() {
    Collection<Object> view = valueView;
    if (view == null) {
      view = Collections.unmodifiableCollection(super.values());
      valueView = view;
    }
    return view;
  }

  @Override
  public Object put(String key, Object value) {
    throw FrozenList.refused();
  }

  @Override
  public Object remove(Object key) {
    throw FrozenList.refused();
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw FrozenList.refused();
  }

  @Override
  public void clear() {
    throw FrozenList.refused();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    throw FrozenList.refused();
  }

  @Override
  public Object putIfAbsent(String key, Object value) {
    throw FrozenList.refused();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw FrozenList.refused();
  }

  @Override
  public boolean replace(String key, Object oldValue, Object newValue) {
    throw FrozenList.refused();
  }

  @Override
  public Object replace(String key, Object value) {
    throw FrozenList.refused();
  }

  @Override
  public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
    throw FrozenList.refused();
  }

  @Override
  public Object computeIfPresent(
      String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
    throw FrozenList.refused();
  }

  @Override
  public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
    throw FrozenList.refused();
  }

  @Override
  public Object merge(
      String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
    throw FrozenList.refused();
  }
}
