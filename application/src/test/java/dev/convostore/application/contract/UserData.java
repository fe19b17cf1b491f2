package dev.convostore.application.contract;

import dev.convostore.application.port.out.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text the contract suite hands a store (content, titles, metadata, tool payloads, context
 * items), recorded while {@link #record} runs, so that a test can check that none of it reached a
 * log. The suite's storages are watched by {@link #watch}; outside {@link #record} they are left
 * as they are.
 */
public final class UserData {

  private static volatile Set<String> recording;

  private UserData() {}

  /** Runs {@code work} and returns every string the stores it opens were handed meanwhile. */
  public static Set<String> record(Runnable work) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    recording = seen;
    try {
      work.run();
    } finally {
      recording = null;
    }
    return seen;
  }

  /** {@code storage}, whose repositories record the strings of their arguments while recording is on. */
  static Storage watch(Storage storage) {
    Set<String> seen = recording;
    return seen == null ? storage : (Storage) recorded(Storage.class, storage, seen);
  }

  private static Object recorded(Class<?> type, Object target, Set<String> seen) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
      if (arguments != null) {
        for (Object argument : arguments) {
          collect(argument, seen);
        }
      }
      Object result;
      try {
        result = method.invoke(target, arguments);
      } catch (InvocationTargetException failed) {
        throw failed.getCause();
      }
      boolean repository = type == Storage.class && result != null && method.getReturnType().isInterface();
      return repository ? recorded(method.getReturnType(), result, seen) : result;
    });
  }

  private static void collect(Object value, Set<String> seen) {
    if (value instanceof String text) {
      seen.add(text);
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          collect(component.getAccessor().invoke(record), seen);
        } catch (ReflectiveOperationException unreadable) {
          throw new IllegalStateException(unreadable);
        }
      }
    } else if (value instanceof Collection<?> values) {
      values.forEach(element -> collect(element, seen));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, element) -> {
        collect(key, seen);
        collect(element, seen);
      });
    } else if (value instanceof Optional<?> optional) {
      optional.ifPresent(element -> collect(element, seen));
    } else if (value != null && !value.getClass().isPrimitive() && value.getClass().getPackageName().startsWith("dev.convostore")
        && !value.getClass().isEnum()) {
      seen.add(value.toString()); // value types such as a JSON document
    }
  }
}
