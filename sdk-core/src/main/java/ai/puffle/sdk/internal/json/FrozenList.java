package ai.puffle.sdk.internal.json;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An unmodifiable list over an array that nothing else references. */
final class FrozenList extends AbstractList<Object> implements RandomAccess {
  private static final FrozenList EMPTY = new FrozenList(new Object[0]);
  private final Object[] items;

  private FrozenList(Object[] items) {
    this.items = items;
  }

  /** A list over {@code items}, which the caller hands over and never touches again. */
  static FrozenList adopt(Object[] items) {
    return items.length == 0 ? EMPTY : new FrozenList(items);
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
