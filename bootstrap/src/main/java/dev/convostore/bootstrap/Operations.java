package dev.convostore.bootstrap;

import dev.convostore.application.port.out.StoreEvents;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ValidationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every use-case call of a store: times it and logs a slow one at INFO, and reports it to
 * the {@link Monitor} (Micrometer, when configured): its outcome, the messages an append stored, a
 * conflict; and the retries the use cases report as {@link StoreEvents}, which it logs at DEBUG.
 * No log line holds an argument or a result: they are the users' data.
 */
final class Operations implements StoreEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ConvoStore.class);

  /** What a successful call's outcome is called. */
  static final String SUCCESS = "success";

  private final long slowNanos;
  private final Monitor monitor;
  private final AtomicBoolean closed = new AtomicBoolean();

  Operations(Duration slowCall, Monitor monitor) {
    this.slowNanos = slowCall.toNanos();
    this.monitor = monitor;
  }

  /** {@code target}, whose calls are watched as operations named {@code area.method}. */
  <T> T watched(Class<T> useCase, String area, T target) {
    return useCase.cast(Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[] {useCase},
        (proxy, method, arguments) -> method.getDeclaringClass() == Object.class
            ? invoke(target, method, arguments)
            : call(area + "." + method.getName(), target, method, arguments)));
  }

  /** Refuses every later call; true the first time. */
  boolean close() {
    return closed.compareAndSet(false, true);
  }

  private Object call(String operation, Object target, Method method, Object[] arguments) throws Throwable {
    if (closed.get()) {
      throw new IllegalStateException("this convostore store is closed: " + operation + " needs an open one");
    }
    // Finding the conversation takes reflection: only when something reports it.
    Optional<ConversationId> about = monitor == Monitor.NONE ? Optional.empty() : conversationId(arguments);
    Monitor.Call call = monitor.start(operation, about);
    long started = System.nanoTime();
    Throwable failure = null;
    try {
      Object result = invoke(target, method, arguments);
      if (operation.equals("messages.append")) {
        monitor.appended(result instanceof List<?> batch ? batch.size() : 1);
      }
      return result;
    } catch (Throwable failed) {
      failure = failed;
      if (failed instanceof ConflictException) {
        monitor.conflict(operation);
      }
      throw failed;
    } finally {
      call.stop(failure, outcome(failure));
      long elapsed = System.nanoTime() - started;
      if (elapsed > slowNanos) {
        LOG.info("Slow convostore call: {} took {} ms (convostore.slow-call-ms is {})",
            operation, elapsed / 1_000_000, slowNanos / 1_000_000);
      }
    }
  }

  @Override
  public void retrying(String operation, int attempt) {
    LOG.debug("Retrying {} after a concurrent change (attempt {})", operation, attempt);
    monitor.retried(operation);
  }

  private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException failed) {
      throw failed.getCause();
    }
  }

  /** The call's outcome: {@value #SUCCESS}, or the kind of error, such as {@code conflict} or {@code timeout}. */
  static String outcome(Throwable failure) {
    if (failure == null) {
      return SUCCESS;
    }
    if (failure instanceof StoreFailureException storeFailure) {
      return storeFailure.kind().name().toLowerCase(Locale.ROOT);
    }
    if (failure instanceof ConflictException) {
      return "conflict";
    }
    if (failure instanceof NotFoundException) {
      return "not_found";
    }
    if (failure instanceof ValidationException) {
      return "invalid";
    }
    return "error";
  }

  /** The conversation a call is about: an argument, or a component of a command argument. */
  private static Optional<ConversationId> conversationId(Object[] arguments) {
    if (arguments == null) {
      return Optional.empty();
    }
    for (Object argument : arguments) {
      if (argument instanceof ConversationId id) {
        return Optional.of(id);
      }
      if (argument instanceof Record command) {
        for (RecordComponent component : command.getClass().getRecordComponents()) {
          if (component.getType() == ConversationId.class) {
            try {
              return Optional.ofNullable((ConversationId) component.getAccessor().invoke(command));
            } catch (ReflectiveOperationException unreadable) {
              return Optional.empty();
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
