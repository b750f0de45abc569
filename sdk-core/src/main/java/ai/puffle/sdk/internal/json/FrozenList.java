package ai.puffle.sdk.internal.json;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An unmodifiable list over an array that nothing else references. Like {@code
 * Collections.unmodifiableList}, every change is refused, even one that would change nothing.
 */
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

  @Override
  public boolean add(Object e) {
    throw refused();
  }

  @Override
  public boolean addAll(Collection<?> c) {
    throw refused();
  }

  @Override
  public boolean addAll(int index, Collection<?> c) {
    throw refused();
  }

  @Override
  public boolean remove(Object o) {
    throw refused();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw refused();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw refused();
  }

  @Override
  public boolean removeIf(Predicate<? super Object> filter) {
    throw refused();
  }

  @Override
  public void replaceAll(UnaryOperator<Object> operator) {
    throw refused();
  }

  @Override
  public void sort(Comparator<? super Object> c) {
    throw refused();
  }

  @Override
  public void clear() {
    throw refused();
  }

  @Override
  protected void removeRange(int fromIndex, int toIndex) {
    throw refused();
  }

  static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("decoded JSON is unmodifiable");
  }
}
