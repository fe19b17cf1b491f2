package dev.convostore.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * MyBatis's object factory, except that the constructor a result map names is looked up once,
 * not for every row it builds (the lookup copied and compared the class's constructors each
 * time, a twentieth of a history read).
 */
final class ConstructorCache extends DefaultObjectFactory {

  private static final long serialVersionUID = 1L;

  private record Signature(Class<?> type, List<Class<?>> parameters) {}

  private final transient Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

  @Override
  public <T> T create(Class<T> type, List<Class<?>> parameterTypes, List<Object> arguments) {
    if (parameterTypes == null || arguments == null) {
      return super.create(type, parameterTypes, arguments);
    }
    Constructor<?> constructor = constructors.get(new Signature(type, parameterTypes));
    if (constructor == null) {
      constructor = constructors.computeIfAbsent(new Signature(type, List.copyOf(parameterTypes)), ConstructorCache::find);
    }
    try {
      return type.cast(constructor.newInstance(arguments.toArray()));
    } catch (InvocationTargetException | InstantiationException | IllegalAccessException failure) {
      // As MyBatis's own factory does: the cause (a domain type refusing a value) stays in the chain.
      throw new ReflectionException("Error instantiating " + type + ". Cause: " + failure, failure);
    }
  }

  private static Constructor<?> find(Signature signature) {
    try {
      Constructor<?> constructor = signature.type().getDeclaredConstructor(signature.parameters().toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException | SecurityException failure) {
      throw new ReflectionException("No constructor of " + signature.type() + " takes " + signature.parameters(), failure);
    }
  }
}
