package ai.puffle.sdk.internal.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Captures a generic type: {@code new TypeToken<List<Foo>>() {}.getType()}. */
public abstract class TypeToken<T> {
  private final Type type;

  protected TypeToken() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType)) {
      throw new IllegalStateException("TypeToken needs a type argument");
    }
    this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
  }

  /** The captured type. */
  public final Type getType() {
    return type;
  }
}
